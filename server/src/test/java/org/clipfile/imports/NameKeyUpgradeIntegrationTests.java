package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.index.IndexDefinition;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.Articles;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An archive indexed under mapping version 3 (name keys computed by the server and stored among the variants) is
 * re-indexed by the server on its own into version 4: the name-key sub-fields exist, the stored keys are gone from
 * the articles, and a name is found in another romanisation through the keys the index computes.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-name-key-upgrade")
class NameKeyUpgradeIntegrationTests extends ArchiveServerTest {
    private static final String KEY_FIELD = ", \"fields\": { \"key\": { \"type\": \"text\", \"analyzer\": \"name_key\","
            + " \"norms\": false } }";

    @Autowired
    Reindexer reindexer;

    @Autowired
    ElasticsearchClient client;

    @Test
    void shouldReindexAVersion3ArchiveWithoutItsStoredKeysAndMatchNamesByTheIndexKeys() throws Exception {
        for (String old : client.indices().get(g -> g.index(index.alias() + "-v*")).indices().keySet()) {
            client.indices().delete(d -> d.index(old));
        }
        IndexDefinition current = IndexDefinition.articles();
        String version3 = current.json()
                .replaceFirst("\"version\": \\d+, \"reindex_below\": \\d+", "\"version\": 3, \"reindex_below\": 3")
                .replace(KEY_FIELD, "")
                .replace("""
                        ,
                                "name_key": {
                                  "type": "custom",
                                  "tokenizer": "keyword",
                                  "filter": ["name_key"]
                                }""", "");
        assertThat(current.json()).as("this test is about the upgrade to version 4").contains("\"reindex_below\": 4");
        assertThat(version3).doesNotContain("name_key").contains("\"version\": 3");
        new IndexDefinition(version3, 3).ensureExists(client, index.alias());
        // As version 3 stored it: keys among the variants, so in the name fields and in the stored entities too.
        EntityFacet pentagon = new EntityFacet("group:pentagon", "Pentagon", "group",
                List.of("pentagun", "pentagon", "pantagun"), 1, List.of("Pentagon"), List.of());
        EntityFacet rahman = new EntityFacet("person:rami-abdel-rahman", "Rami Abdel Rahman", "person",
                List.of("rami abdrahman", "rami abdel rahman"), 1, List.of("Rami Abdel Rahman"), List.of());
        Article article = Articles.article("Raid in Syria", "A raid, the ministry said.")
                .withEntities(new Enrichment(List.of(rahman), List.of(pentagon), List.of()));
        index.saveAll(List.of(article), true);
        String before = index.currentIndex();
        assertThat(before).isEqualTo(index.alias() + "-v3");
        assertThat(source(before, article.id())).contains("pantagun", "pentagun", "rami abdrahman");
        assertThat(index.behindDefinition()).isTrue();

        reindexer.indexReady(index);

        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode status = http.get("/api/admin/reindex").json();
        while ((index.currentIndex().equals(before) || status.path("state").asString().equals("running"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = http.get("/api/admin/reindex").json();
        }
        assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("completed");
        String after = index.currentIndex();
        assertThat(after).startsWith(index.alias() + "-v" + current.version());
        assertThat(index.behindDefinition()).isFalse();
        String source = source(after, article.id());
        assertThat(source).contains("pentagon", "rami abdel rahman")
                .doesNotContain("pantagun").doesNotContain("pentagun").doesNotContain("abdrahman");
        assertThat(http.get("/api/articles/" + article.id()).body()).doesNotContain("pantagun")
                .doesNotContain("pentagun").doesNotContain("abdrahman");
        Http.Response found = http.get("/api/search?q=" + Http.encode("person:\"Abd al-Rahman\""));
        assertThat(ids(found.json().get("hits"))).containsExactly(article.id());
    }

    private String source(String concreteIndex, String id) throws Exception {
        return client.get(g -> g.index(concreteIndex).id(id), JsonNode.class).source().toString();
    }
}
