package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An index made from an older mapping, met by a server with a newer one: added fields are put in place where
 * Elasticsearch can, and when the new version derives fields from what articles store ({@code _meta.reindex_below})
 * the index keeps its old version so that the start-up re-index rewrites its articles. Version 4 adds the name-key
 * sub-fields, whose analyzer an open index cannot take: they exist only in the new index the re-index fills.
 */
class MappingUpgradeIntegrationTests {
    private static final String ALIAS = "it-upgrade";
    private static final String KEY_FIELD = ", \"fields\": { \"key\": { \"type\": \"text\", \"analyzer\": \"name_key\","
            + " \"norms\": false } }";
    private final ElasticsearchClient client = TestElasticsearch.client();
    private final IndexDefinition current = IndexDefinition.articles();

    @BeforeEach
    void createIndexFromTheVersionBefore() throws IOException {
        String oldJson = current.json()
                .replace("\"version\": " + current.version() + ", \"reindex_below\": " + current.reindexBelow(),
                        "\"version\": 3, \"reindex_below\": 3")
                .replace(KEY_FIELD, "")
                .replace("""
                        ,
                                "name_key": {
                                  "type": "custom",
                                  "tokenizer": "keyword",
                                  "filter": ["name_key"]
                                }""", "");
        assertThat(oldJson).as("the version-3 mapping").doesNotContain("name_key").contains("\"version\": 3");
        client.indices().delete(d -> d.index(ALIAS + "-v3", ALIAS + "-v" + current.version())
                .ignoreUnavailable(true));
        new IndexDefinition(oldJson, 3).ensureExists(client, ALIAS);
    }

    @Test
    void shouldLeaveTheIndexBehindForTheReindexWhenTheNameKeyFieldsCannotBeAddedInPlace() throws IOException {
        assertThat(current.reindexBelow()).as("this test is about the upgrade to version 4").isEqualTo(4);

        current.ensureExists(client, ALIAS);

        var mapping = client.indices().getMapping(m -> m.index(ALIAS + "-v3")).mappings().get(ALIAS + "-v3")
                .mappings();
        assertThat(mapping.properties().get("people_names").text().fields()).doesNotContainKey("key");
        assertThat(mapping.meta().get("version").to(Integer.class)).isEqualTo(3);
        assertThat(new ArticleIndex(client, current, ALIAS).behindDefinition()).isTrue();
    }
}
