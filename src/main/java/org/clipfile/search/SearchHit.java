package org.clipfile.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One result. {@code title} and {@code snippet} are HTML-escaped text in which only {@code <mark>} elements are
 * markup, so a client may render them as HTML.
 */
public record SearchHit(
        String id,
        String title,
        String snippet,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String section,
        List<String> tags,
        @Nullable String url,
        double score) {}
