package org.clipfile.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.EntitiesView;
import org.clipfile.entity.Enrichment;
import org.jspecify.annotations.Nullable;

/**
 * An article as {@code GET /api/articles/{id}} shows it: its own fields and its people, groups and places, none of
 * the fields the index derives from them for search and facets (those are {@code org.clipfile.index.ArticleDocument}'s).
 */
record ArticleView(
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
        @JsonProperty("content_hash") String contentHash,
        EntitiesView entities,
        String cluster,
        List<String> labels) {

    static ArticleView of(Article article) {
        return new ArticleView(article.id(), article.title(), article.body(), article.published(), article.source(),
                article.url(), article.section(), article.tags(), article.byline(), article.language(),
                article.ingestedAt(), article.contentHash(),
                EntitiesView.of(article.entities() == null ? Enrichment.empty() : article.entities()),
                article.cluster(), article.labels());
    }
}
