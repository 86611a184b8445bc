/**
 * The practice's people: therapists and front-desk staff with their licenses, compacts, niches,
 * languages, fees, hours and capacity — everything routing needs to know who may and should answer.
 */
package org.tandem.directory;
