/**
 * Who may use Tandem: for now one configured administrator credential guarding the REST API;
 * users, roles and the audit log arrive with the agent desktop.
 */
package org.tandem.security;
