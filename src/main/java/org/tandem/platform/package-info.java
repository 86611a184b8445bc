/**
 * What every module runs on: the database (embedded PostgreSQL unless an external one is configured),
 * the clock, and the translation of domain failures into RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tandem.platform;
