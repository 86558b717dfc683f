package org.clipfile.enrich.catalogue;

import static org.clipfile.enrich.catalogue.Facets.group;
import static org.clipfile.enrich.catalogue.Facets.person;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.index.IndexProperties;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.Archives;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.testsupport.ReindexRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The relink after a large import, on a real Elasticsearch: the links across the archive are decided again and
 * only the articles whose entities change are written again, in the live index (no copy, no alias move); the
 * same relink applies editors' curation edits.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-relink", "clipfile.entities.relink-after-import=3"})
class RelinkInPlaceIntegrationTests extends ArchiveServerTest {
    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexProperties indexProperties;

    private int next;

    private String save(List<Article> batch, EntityFacet... entities) {
        String id = "relink-" + next++;
        batch.add(Facets.stored(id, next, entities));
        return id;
    }

    @Test
    void shouldRelinkTheLiveIndexAfterALargeImportRewritingOnlyTheArticlesWhoseEntitiesChange() throws Exception {
        // Stored as each article alone read them: the acronym's article was never linked to the expansion.
        List<Article> batch = new ArrayList<>();
        String expansion = save(batch, group("International Business Machines Corp", "IBM"));
        save(batch, group("International Business Machines Corp", "IBM"));
        save(batch, group("International Business Machines Corp", "IBM"));
        String ibmOnly = save(batch, group("IBM"));
        for (int i = 0; i < 4; i++) {
            save(batch, person("Paul Volcker"));
        }
        index.saveAll(batch, true);
        String live = index.currentIndex();
        assertThat(ids(http.get("/api/articles/" + expansion).json().get("entities").get("groups")))
                .containsExactly("group:international-business-machines-corp");

        http.awaitImportsStarted();
        byte[] archive = Archives.zip(Map.of("wire.ndjson", """
                {"title": "Grain shipments rise", "body": "Wheat shipments from the port rose in March."}
                {"title": "Coffee prices steady", "body": "Coffee prices held steady on the exchange."}
                {"title": "Copper output falls", "body": "Copper output fell at the mine last month."}
                """));
        JsonNode job = ImportJobs.awaitEnd(http, http.post("/api/imports?name=wire.zip", "application/zip", archive)
                .json().get("id").asString(), Duration.ofMinutes(2));
        assertThat(job.get("indexed").asLong()).isEqualTo(3);

        JsonNode relink = ReindexRuns.awaitEnd(http, Duration.ofMinutes(3));
        assertThat(relink.get("mode").asString()).isEqualTo("relink");
        assertThat(relink.get("from").asString()).isEqualTo(live);
        assertThat(relink.get("to").asString()).isEqualTo(live);
        assertThat(index.currentIndex()).as("no copy, no alias move").isEqualTo(live);
        assertThat(relink.get("examined").asLong()).isEqualTo(11);
        assertThat(relink.get("copied").asLong()).as("the three articles naming the expansion").isEqualTo(3);
        assertThat(relink.get("failed").asLong()).isZero();
        assertThat(ids(http.get("/api/articles/" + expansion).json().get("entities").get("groups")))
                .containsExactly("group:ibm");
        assertThat(ids(http.get("/api/articles/" + ibmOnly).json().get("entities").get("groups")))
                .containsExactly("group:ibm");
        assertThat(http.get("/api/facets/group?contains=ibm").json().get("values").get(0).get("count").asLong())
                .isEqualTo(4);

        // Nothing changes a second time: nothing is written.
        assertThat(http.post("/api/curation/reindex", "application/json", "").status()).isEqualTo(202);
        JsonNode again = ReindexRuns.awaitEnd(http, Duration.ofMinutes(3));
        assertThat(again.get("id").asString()).isNotEqualTo(relink.get("id").asString());
        assertThat(again.get("examined").asLong()).isEqualTo(11);
        assertThat(again.get("copied").asLong()).isZero();
    }

    @Test
    void shouldLinkNewArticlesWithTheArchivesLinksLoadedWhenAnInstanceStarts() throws Exception {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            save(batch, group("Consolidated Widget Holdings Corp", "CWH"));
        }
        save(batch, group("CWH"));
        index.saveAll(batch, true);
        try {
            loadOnStart();
        } finally {
            // The other test counts the articles a relink reads and writes.
            for (Article article : batch) {
                client.delete(d -> d.index(index.alias()).id(article.id()).refresh(Refresh.True));
            }
        }
    }

    private void loadOnStart() throws Exception {
        // A server instance that just started: nothing decided yet, so a new article is linked as it alone reads it.
        EntityCatalogueService started = new EntityCatalogueService(client, indexProperties);
        Enrichment expansion = new Enrichment(List.of(), List.of(group("Consolidated Widget Holdings Corp", "CWH")),
                List.of());
        assertThat(started.hasDecided()).isFalse();
        assertThat(started.link(expansion, null, "", List.of()).groups().getFirst().id())
                .isEqualTo("group:consolidated-widget-holdings-corp");

        started.load(index.currentIndex(), LinkVetoes.none());

        assertThat(started.hasDecided()).isTrue();
        assertThat(started.link(expansion, null, "", List.of()).groups().getFirst().id()).isEqualTo("group:cwh");
        assertThat(started.articlesSinceDecided()).isEqualTo(1);
        assertThat(client.exists(e -> e.index(started.catalogueIndex()).id("group:consolidated-widget-holdings-corp"))
                .value()).as("loading writes no catalogue").isFalse();
    }
}
