package org.clipfile.article;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a parser found, before the article gets its identity and ingest time. */
public record ArticleDraft(
        String title,
        String body,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String url,
        @Nullable String section,
        List<String> tags,
        @Nullable String byline,
        @Nullable String language) {

    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Gives the draft its deterministic id and content hash. */
    public Article toArticle(Instant ingestedAt) {
        String contentHash = ArticleIds.contentHash(title, body);
        String id = ArticleIds.idFor(url, contentHash);
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, null);
    }
}
