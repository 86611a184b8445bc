package org.tandem.security;

/** A sign-in was refused: wrong password or code, unknown user, disabled or locked account, throttled address. */
public record LoginFailed(String username, String sourceAddress, String reason) {
}
