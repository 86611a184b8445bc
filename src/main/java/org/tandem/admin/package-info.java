/**
 * The administrator's pages: staff, queues and their routing steps, IVR flows and their opening hours, the
 * crisis configuration and users, each edited through its module's public API with the same checks the REST
 * API applies.
 */
package org.tandem.admin;
