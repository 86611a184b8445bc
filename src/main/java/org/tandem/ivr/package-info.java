/**
 * The caller's journey: versioned flows that give the emergency options first, ask what the caller needs
 * and where they are, and hand them to a routing queue, a voicemail or a number.
 */
package org.tandem.ivr;
