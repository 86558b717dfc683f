package org.clipfile.sysindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link SystemIndex} of a feature: {@code <article alias>-<suffix>} (for the alias {@code articles} and
 * the suffix {@code imports}: alias {@code articles-imports} on the index {@code articles-imports-v1}), defined by
 * {@code mappings/<file>}.
 */
@Component
public class SystemIndices {
    private final ElasticsearchClient client;
    private final String articleAlias;

    @Autowired
    public SystemIndices(ElasticsearchClient client, IndexProperties index) {
        this(client, index.alias());
    }

    SystemIndices(ElasticsearchClient client, String articleAlias) {
        this.client = client;
        this.articleAlias = articleAlias;
    }

    /**
     * The index {@code <article alias>-<suffix>} defined by {@code mappings/<mappingFile>}, holding documents of
     * {@code type}. Reads the mapping file now, so that a missing or malformed one stops the start-up.
     */
    public <T> SystemIndex<T> define(String suffix, String mappingFile, Class<T> type) {
        if (!suffix.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("A system index suffix is lower-case letters, digits and dashes: "
                    + suffix);
        }
        return new SystemIndex<>(client, articleAlias + "-" + suffix,
                IndexDefinition.fromClasspath("mappings/" + mappingFile), type);
    }
}
