package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;

/**
 * Mapping version 5 adds {@code labels}; an index of version 4 gets the field in place at start-up, without a
 * re-index (version 5 keeps {@code reindex_below: 4}).
 */
class LabelsMappingUpgradeIntegrationTests {
    private static final String ALIAS = "it-labels-upgrade";
    private static final String LABELS_FIELD =
            "      \"labels\": { \"type\": \"keyword\", \"normalizer\": \"lowercase\" },\n";
    private final ElasticsearchClient client = TestElasticsearch.client();

    @Test
    void shouldAddTheLabelsFieldToAVersion4IndexInPlace() throws IOException {
        IndexDefinition current = IndexDefinition.articles();
        assertThat(current.json()).contains(LABELS_FIELD).contains("\"reindex_below\": 4");
        String version4 = current.json().replace(LABELS_FIELD, "")
                .replaceFirst("\"version\": \\d+, \"reindex_below\"", "\"version\": 4, \"reindex_below\"");
        assertThat(version4).doesNotContain("\"labels\"");
        client.indices().delete(d -> d.index(ALIAS + "-v4", ALIAS + "-v" + current.version())
                .ignoreUnavailable(true));
        new IndexDefinition(version4, 4).ensureExists(client, ALIAS);

        current.ensureExists(client, ALIAS);

        var mapping = client.indices().getMapping(m -> m.index(ALIAS + "-v4")).mappings().get(ALIAS + "-v4")
                .mappings();
        assertThat(mapping.properties().get("labels").isKeyword()).isTrue();
        assertThat(mapping.meta().get("version").to(Integer.class)).isEqualTo(current.version());
        assertThat(new ArticleIndex(client, current, ALIAS).behindDefinition()).as("no re-index needed").isFalse();
    }
}
