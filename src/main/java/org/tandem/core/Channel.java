package org.tandem.core;

/** The ways a contact reaches the practice; each agent has a capacity per channel. */
public enum Channel {
	VOICE, SMS, CHAT, CALLBACK, VOICEMAIL
}
