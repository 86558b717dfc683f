package org.clipfile.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One result. {@code title} and {@code snippet} are HTML-escaped text in which only {@code <mark>} elements are
 * markup, so a client may render them as HTML. {@code markedSnippet} is the snippet with the people, groups and places
 * it names also marked, as {@code <span class="entity person|group|place" data-id="...">} (see {@link SnippetMarker}).
 * {@code entities} are the article's people, groups and places.
 */
public record SearchHit(
        String id,
        String title,
        String snippet,
        String markedSnippet,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String section,
        List<String> tags,
        @Nullable String url,
        double score,
        @Nullable JsonNode entities) {}
