package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An index made from an older mapping, met by a server with a newer one: added fields are put in place, and when
 * the new version derives fields from what articles store ({@code _meta.reindex_below}), the index keeps its old
 * version so that the start-up re-index rewrites its articles.
 */
class MappingUpgradeIntegrationTests {
    private static final String ALIAS = "it-upgrade";
    private final ElasticsearchClient client = TestElasticsearch.client();
    private final IndexDefinition current = IndexDefinition.articles();

    @BeforeEach
    void createIndexFromTheVersionBefore() throws IOException {
        String oldJson = current.json()
                .replace("\"version\": " + current.version() + ", \"reindex_below\": " + current.reindexBelow(),
                        "\"version\": 2")
                .replace("""
                              "place_tree_countries": { "type": "keyword" },
                              "place_tree_regions": { "type": "keyword" },
                              "place_tree_cities": { "type": "keyword" },
                        """, "");
        assertThat(oldJson).as("the version-2 mapping").doesNotContain("place_tree_").contains("\"version\": 2");
        client.indices().delete(d -> d.index(ALIAS + "-v2", ALIAS + "-v" + current.version())
                .ignoreUnavailable(true));
        new IndexDefinition(oldJson, 2).ensureExists(client, ALIAS);
    }

    @Test
    void shouldAddTheDerivedFieldsButLeaveTheIndexBehindForTheReindex() throws IOException {
        assertThat(current.reindexBelow()).as("this test is about the upgrade to version 3").isEqualTo(3);

        current.ensureExists(client, ALIAS);

        var mapping = client.indices().getMapping(m -> m.index(ALIAS + "-v2")).mappings().get(ALIAS + "-v2")
                .mappings();
        assertThat(mapping.properties()).containsKeys("place_tree_countries", "place_tree_regions",
                "place_tree_cities");
        assertThat(mapping.meta().get("version").to(Integer.class)).isEqualTo(2);
        assertThat(new ArticleIndex(client, current, ALIAS).behindDefinition()).isTrue();
    }
}
