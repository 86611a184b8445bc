package org.tandem.directory;

/** A therapeutic approach (a tag such as {@code gottman}, {@code eft}, {@code cbt}) and how it is verified. */
public record Modality(String name, Verification verification) {
}
