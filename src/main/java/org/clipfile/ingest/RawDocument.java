package org.clipfile.ingest;

import org.jspecify.annotations.Nullable;

/**
 * One document as it arrived, before parsing: its name in the import (file, archive entry, NDJSON line,
 * Reuters NEWID) for error reports, its format and bytes, and a section suggested by where it came from
 * (the folder it sat in).
 */
public record RawDocument(String name, DocumentFormat format, byte[] bytes, @Nullable String sectionHint) {}
