package org.clipfile.enrich.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clipfile.enrich.catalogue.Facets.group;
import static org.clipfile.enrich.catalogue.Facets.person;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.ReindexRuns;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Editors' labels survive a relink in place: an article whose entities the relink rewrites (the acronym linked to
 * its expansion, as in {@code RelinkInPlaceIntegrationTests}) keeps its labels, because the relink writes the whole
 * stored article record back.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-labels-relink", "clipfile.alerts.enabled=false",
        "clipfile.entities.relink-after-import=0"})
class LabelsThroughRelinkIntegrationTests extends ArchiveServerTest {
    @Test
    void shouldKeepTheLabelsOfAnArticleTheRelinkRewrites() throws Exception {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(Facets.stored("labelled-relink-" + i, i, group("International Business Machines Corp", "IBM")));
        }
        batch.add(Facets.stored("labelled-relink-3", 3, group("IBM")));
        for (int i = 4; i < 8; i++) {
            batch.add(Facets.stored("labelled-relink-" + i, i, person("Paul Volcker")));
        }
        index.saveAll(batch, true);
        assertThat(http.put("/api/articles/labelled-relink-0/labels/checked", "application/json", "").status())
                .isEqualTo(200);
        assertThat(http.put("/api/articles/labelled-relink-3/labels/acronym%20only", "application/json", "")
                .status()).isEqualTo(200);

        assertThat(http.post("/api/curation/reindex", "application/json", "").status()).isEqualTo(202);
        JsonNode run = ReindexRuns.awaitEnd(http, Duration.ofMinutes(3));

        assertThat(run.get("mode").asString()).isEqualTo("relink");
        assertThat(run.get("copied").asLong()).as("the articles naming the expansion are rewritten").isEqualTo(3);
        JsonNode rewritten = http.get("/api/articles/labelled-relink-0").json();
        assertThat(ids(rewritten.get("entities").get("groups"))).containsExactly("group:ibm");
        assertThat(rewritten.get("labels").get(0).asString()).isEqualTo("checked");
        assertThat(http.get("/api/articles/labelled-relink-3").json().get("labels").get(0).asString())
                .isEqualTo("acronym only");
        assertThat(http.get("/api/search?label=checked&group=group:ibm").json().get("total").asLong()).isEqualTo(1);
    }
}
