/**
 * The shared kernel: value objects every module speaks in (phone numbers, US states, languages,
 * time windows, identifiers) and the exceptions that the HTTP edge turns into problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tandem.core;
