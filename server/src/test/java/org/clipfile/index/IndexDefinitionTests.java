package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexDefinitionTests {
    @Test
    void shouldNameTheIndexAfterTheAliasAndMappingVersion() {
        IndexDefinition definition = IndexDefinition.articles();

        assertThat(definition.version()).isPositive();
        assertThat(definition.indexName("articles")).isEqualTo("articles-v" + definition.version());
    }

    @Test
    void shouldLoadTheMappingFromTheMappingsFolder() {
        assertThat(IndexDefinition.articles().json()).contains("\"article_english\"").contains("\"dynamic\": \"strict\"");
    }
}
