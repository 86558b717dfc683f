package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import org.clipfile.article.Article;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.testsupport.Articles;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The index built from {@code mappings/articles.json}, on a real Elasticsearch. */
class ArticleMappingIntegrationTests {
    private static final String ALIAS = "it-mapping";
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static ArticleIndex index;

    @BeforeAll
    static void createIndexFromMappingFile() throws IOException {
        index = new ArticleIndex(client, IndexDefinition.articles(), ALIAS);
        if (client.indices().exists(e -> e.index(index.indexName())).value()) {
            client.indices().delete(d -> d.index(index.indexName()));
        }
        index.ensureExists();
        index.saveAll(java.util.List.of(
                Articles.article("Ráids in the north", "Special forces carried out night ráids near Atme."),
                Articles.article("Ceasefire holds", "A ceasefire agreed by Moscow and Ankara remains in effect.")),
                true);
    }

    private long hits(String q) throws IOException {
        SearchResponse<Article> response = client.search(
                SearchRequestFactory.search(ALIAS, SearchParameters.of(q, 1, 10), null), Article.class);
        return response.hits().total().value();
    }

    @Test
    void shouldCreateVersionedIndexBehindAlias() throws IOException {
        var aliases = client.indices().getAlias(a -> a.name(ALIAS));
        assertThat(aliases.aliases()).containsOnlyKeys(ALIAS + "-v" + IndexDefinition.articles().version());
    }

    @Test
    void shouldFindRaidsWithDiacriticsWhenSearchingRaid() throws IOException {
        assertThat(hits("raid")).isEqualTo(1);
    }

    @Test
    void shouldFindAccentedWordWhenSearchingTheAccentedForm() throws IOException {
        assertThat(hits("ráids")).isEqualTo(1);
    }

    @Test
    void shouldRequireAllWordsByDefault() throws IOException {
        assertThat(hits("ceasefire Moscow")).isEqualTo(1);
        assertThat(hits("ceasefire Atme")).isZero();
    }

    @Test
    void shouldBeIdempotentWhenEnsuredTwice() throws IOException {
        index.ensureExists();
        assertThat(index.count()).isEqualTo(2);
    }

    @Test
    void shouldRejectFieldsTheMappingDoesNotKnow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.index(i -> i
                        .index(ALIAS)
                        .refresh(Refresh.True)
                        .document(java.util.Map.of("title", "x", "unexpected_field", "y"))))
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }
}
