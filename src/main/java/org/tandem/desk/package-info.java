/**
 * The agent desktop: presence, offers that arrive live with the client's card and why they were routed
 * here, notes, transfer, end and wrap-up with a disposition, and the agent's contacts of the day.
 */
package org.tandem.desk;
