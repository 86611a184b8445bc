/**
 * The supervisor's wallboard: each queue's figures since midnight, agents by presence and the day's curve of
 * waiting contacts and service level, pushed to the wall screen as routing changes, also to screens that open it
 * read-only through a display link.
 */
package org.tandem.wallboard;
