package org.clipfile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whole lines that web scrapers leave in article text ("Exit mobile version"), read from
 * {@code ingest/junk-lines.txt}. Shared by the plain-text parser and the HTML extractor so both drop the same lines.
 */
public final class JunkLines {
    private static final String RESOURCE = "/ingest/junk-lines.txt";
    private static final JunkLines STANDARD = new JunkLines(load());

    private final Set<String> lines;

    private JunkLines(Set<String> lines) {
        this.lines = lines;
    }

    public static JunkLines standard() {
        return STANDARD;
    }

    /** True when the whole line, trimmed and compared case-insensitively, is a known junk line. */
    public boolean isJunk(String line) {
        return lines.contains(line.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = JunkLines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
