package org.tandem.directory;

/** The table of where compacts are operational was edited. */
public record CompactTableChanged() {
}
