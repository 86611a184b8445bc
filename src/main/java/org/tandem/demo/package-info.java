/**
 * The demo practice that {@code bin/run} loads into an empty embedded database: therapists covering
 * the niches Tandem is for, two front-desk staff, a few clients and a couple, the intake queue, and
 * one user per role with the passwords the README lists.
 */
package org.tandem.demo;
