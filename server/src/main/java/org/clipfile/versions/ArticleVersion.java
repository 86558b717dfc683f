package org.clipfile.versions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An earlier text of an article, as kept in {@code <alias>-article-versions}.
 *
 * @param articleId the article it is a version of (the same id as the current text: the canonical URL's)
 * @param sequence 1 for the first text the archive held, counting every change, also those dropped since
 * @param ingestedAt when this text was ingested
 * @param supersededAt when a later text replaced it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleVersion(
        @JsonProperty("article_id") String articleId,
        int sequence,
        String title,
        String body,
        @Nullable String url,
        @Nullable String source,
        @Nullable Instant published,
        @JsonProperty("ingested_at") @Nullable Instant ingestedAt,
        @JsonProperty("superseded_at") Instant supersededAt,
        @JsonProperty("content_hash") String contentHash) {}
