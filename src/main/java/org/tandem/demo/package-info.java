/**
 * The demo practice that {@code bin/run} loads into an empty embedded database: therapists covering
 * the niches Tandem is for, two front-desk staff, a few clients and a couple, and the intake queue.
 */
package org.tandem.demo;
