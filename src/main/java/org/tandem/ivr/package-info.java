/**
 * The caller's journey: versioned flows that give the emergency options first, ask what the caller needs
 * and where they are, and hand them to a routing queue, a voicemail or a number; and the runner that takes
 * every answered call through its flow, rings the agent routing offers it to and keeps a record of the call.
 */
package org.tandem.ivr;
