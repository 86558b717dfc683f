package org.clipfile.ingest;

import org.jspecify.annotations.Nullable;

/**
 * One document as it arrived, before parsing: its name in the import (file, archive entry, NDJSON line,
 * Reuters NEWID) for error reports, its format and bytes, and a section suggested by where it came from
 * (the folder it sat in). A document posted over HTTP may also carry the URL its page was fetched from, and its
 * text already decoded by the charset its request declared (then {@code bytes} are not read).
 */
public record RawDocument(String name, DocumentFormat format, byte[] bytes, @Nullable String sectionHint,
        @Nullable String sourceUrl, @Nullable String text) {

    public RawDocument(String name, DocumentFormat format, byte[] bytes, @Nullable String sectionHint) {
        this(name, format, bytes, sectionHint, null, null);
    }

    /** A plain-text article posted over HTTP, decoded by the HTTP layer. */
    public static RawDocument postedText(String text) {
        return new RawDocument("", DocumentFormat.TEXT, new byte[0], null, null, text);
    }

    /** An HTML page posted over HTTP, with the URL it came from when the caller gave one. */
    public static RawDocument postedPage(byte[] page, @Nullable String sourceUrl) {
        return new RawDocument("", DocumentFormat.HTML, page, null, sourceUrl, null);
    }
}
