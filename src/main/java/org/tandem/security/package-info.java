/**
 * Who may use Tandem and what they did: users linked to staff, roles, password and TOTP sign-in,
 * lockout, the rules per role on the API, and the append-only, hash-chained audit log.
 */
package org.tandem.security;
