package org.clipfile.ingest;

import java.time.Instant;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.enrich.Enricher;
import org.springframework.stereotype.Component;

/** The last step before indexing: identity, ingest time, and the people, groups and places of the article. */
@Component
public class ArticlePreparer {
    private final Enricher enricher;

    public ArticlePreparer(Enricher enricher) {
        this.enricher = enricher;
    }

    public Article prepare(ArticleDraft draft) {
        Article article = draft.toArticle(Instant.now());
        return article.withEntities(enricher.enrich(article.title(), article.body()));
    }
}
