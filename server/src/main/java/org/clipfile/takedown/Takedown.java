package org.clipfile.takedown;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the takedown list. {@code kind} is {@code article} (refuses the same id, canonical URL or text) or
 * {@code source} (refuses every article of that source). The article's body is not kept, only what identifies it.
 *
 * @param removed how many documents the takedown deleted (articles in every index behind the alias, and their
 *     earlier versions)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Takedown(
        String id,
        String kind,
        @JsonProperty("article_id") @Nullable String articleId,
        @Nullable String url,
        @JsonProperty("canonical_url") @Nullable String canonicalUrl,
        @JsonProperty("content_hash") @Nullable String contentHash,
        @Nullable String source,
        @Nullable String title,
        String reason,
        String by,
        Instant at,
        long removed) {

    public static final String ARTICLE = "article";
    public static final String SOURCE = "source";

    Takedown withRemoved(long count) {
        return new Takedown(id, kind, articleId, url, canonicalUrl, contentHash, source, title, reason, by, at, count);
    }
}
