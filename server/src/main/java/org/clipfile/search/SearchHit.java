package org.clipfile.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One result. {@code title} and {@code snippet} are HTML-escaped text in which only {@code <mark>} elements are
 * markup, so a client may render them as HTML. {@code markedSnippet} is the snippet with the people, groups and places
 * it names also marked, as {@code <span class="entity person|group|place" data-id="...">} (see {@link SnippetMarker}).
 * {@code entities} are the article's people, groups and places. In a search that collapses copies, {@code cluster} is
 * the story, {@code leader} its earliest published copy among the matches, {@code copies} how many other matching
 * articles are copies of it, and {@code copySources} their sources (of the first few).
 */
public record SearchHit(
        String id,
        String title,
        String snippet,
        @JsonProperty("marked_snippet") String markedSnippet,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String section,
        List<String> tags,
        @Nullable String url,
        double score,
        @Nullable JsonNode entities,
        @Nullable String cluster,
        @Nullable String leader,
        long copies,
        @JsonProperty("copy_sources") List<String> copySources) {

    public SearchHit(String id, String title, String snippet, String markedSnippet, @Nullable Instant published,
            @Nullable String source, @Nullable String section, List<String> tags, @Nullable String url, double score,
            @Nullable JsonNode entities) {
        this(id, title, snippet, markedSnippet, published, source, section, tags, url, score, entities, null, null, 0,
                List.of());
    }

    SearchHit withCopies(@Nullable String clusterId, @Nullable String leaderId, long others, List<String> sources) {
        return new SearchHit(id, title, snippet, markedSnippet, published, source, section, tags, url, score, entities,
                clusterId, leaderId, others, sources);
    }
}
