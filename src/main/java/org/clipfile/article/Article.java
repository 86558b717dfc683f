package org.clipfile.article;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A news article as Clipfile stores it. The same record is parsed, enriched, indexed and returned.
 *
 * @param id deterministic: from the canonical URL when there is one, else from the content hash
 * @param contentHash SHA-256 of the normalised title and body
 */
public record Article(
        String id,
        String title,
        String body,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String url,
        @Nullable String section,
        List<String> tags,
        @Nullable String byline,
        @Nullable String language,
        @JsonProperty("ingested_at") Instant ingestedAt,
        @JsonProperty("content_hash") String contentHash) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
