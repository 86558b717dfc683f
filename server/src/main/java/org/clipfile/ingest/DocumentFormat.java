package org.clipfile.ingest;

import java.util.Locale;
import java.util.Optional;

/** The formats an imported document can have; archives are opened into these before parsing. */
public enum DocumentFormat {
    TEXT,
    HTML,
    JSON,
    REUTERS_SGML;

    /** The format a file name announces, if any. */
    public static Optional<DocumentFormat> fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") || lower.endsWith(".text")) {
            return Optional.of(TEXT);
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
            return Optional.of(HTML);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
