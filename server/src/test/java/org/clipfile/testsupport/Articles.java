package org.clipfile.testsupport;

import java.time.Instant;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;

/** Test fixtures: small articles with sensible defaults. */
public final class Articles {
    private Articles() {}

    public static Article article(String title, String body) {
        return draft(title, body).toArticle(Instant.parse("2024-05-01T12:00:00Z"));
    }

    public static ArticleDraft draft(String title, String body) {
        return new ArticleDraft(title, body, Instant.parse("2024-04-30T08:00:00Z"), "Test Wire", null, "world",
                List.of("world"), null, "en");
    }
}
