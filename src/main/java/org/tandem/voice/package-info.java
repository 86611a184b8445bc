/**
 * Telephony over SIP and RTP: answers calls from the practice's trunks, registers agents' phones, plays
 * prompts and hold music, hears digits, records messages, rings an agent's phone or a number and bridges
 * the caller to whoever answers; other modules see calls only as opaque ids, events and
 * {@link org.tandem.voice.Calls}.
 */
package org.tandem.voice;
