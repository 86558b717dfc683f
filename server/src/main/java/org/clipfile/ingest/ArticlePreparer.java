package org.clipfile.ingest;

import java.time.Instant;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.enrich.Enricher;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.curation.CurationEdits;
import org.springframework.stereotype.Component;

/** The last step before indexing: identity, ingest time, and the people, groups and places of the article. */
@Component
public class ArticlePreparer {
    private final Enricher enricher;
    private final EntityCatalogueService catalogue;
    private final CurationEdits curation;

    public ArticlePreparer(Enricher enricher, EntityCatalogueService catalogue, CurationEdits curation) {
        this.enricher = enricher;
        this.catalogue = catalogue;
        this.curation = curation;
    }

    public Article prepare(ArticleDraft draft) {
        Article article = draft.toArticle(Instant.now());
        // Linked across the archive as the catalogue's last rebuild decided (acronyms, surnames, legal forms).
        // Then the editors' curation in force (merges, splits, renames, retypes, values that are no entity).
        return article.withEntities(curation.current().apply(catalogue.link(
                enricher.enrich(article.title(), article.body()), article.published(),
                article.title() + "\n\n" + article.body(),
                EntityCatalogueService.tagsOf(article.tags(), article.section()))));
    }
}
