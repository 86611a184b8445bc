/**
 * The ACD: contacts wait in queues with ordered routing steps, agents have presence and capacity, and
 * the engine offers each contact to the best eligible agent, one at a time, explaining every choice.
 */
package org.tandem.routing;
