/**
 * Telephony over SIP and RTP: answers calls from the practice's trunks, registers agents' phones, plays
 * prompts and hears digits; other modules see calls only as opaque ids, events and {@link org.tandem.voice.Calls}.
 */
package org.tandem.voice;
