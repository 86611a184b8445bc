/**
 * The practice's clients and couples: how to reach each person safely, where they are right now, what
 * they prefer, and who their therapist is.
 */
package org.tandem.clients;
