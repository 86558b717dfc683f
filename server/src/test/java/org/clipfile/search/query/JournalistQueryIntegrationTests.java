package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.clipfile.index.IndexDefinition;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every construct of the query language on a real Elasticsearch, with the index built from
 * {@code mappings/articles.json}. The entity name fields are not in that mapping yet; they are added here as the
 * field contract describes them (text, lowercase + ASCII folding).
 */
class JournalistQueryIntegrationTests {
    private static final String INDEX = "it-query-language";
    private static final ElasticsearchClient client = TestElasticsearch.client();

    @BeforeAll
    static void indexThreeArticles() throws IOException {
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(IndexDefinition.articles().json())));
        client.indices().putMapping(m -> m.index(INDEX)
                .properties("people_names", p -> p.text(t -> t.analyzer("folded")))
                .properties("groups_names", p -> p.text(t -> t.analyzer("folded")))
                .properties("places_names", p -> p.text(t -> t.analyzer("folded"))));
        index("raids", Map.of("title", "Night raids near Atme",
                "body", "Special forces carried out night ráids near Atme. Kirby declined to comment.",
                "source", "Reuters", "people_names", List.of("John Kirby"),
                "places_names", List.of("Atme", "Idlib", "Syria")));
        index("ceasefire", Map.of("title", "Ceasefire holds in Idlib",
                "body", "A ceasefire agreed by Moscow and Ankara remains in effect. Talks on the nuclear deal are"
                        + " stalled.",
                "source", "Al Jazeera", "people_names", List.of("Abdel Rahman"),
                "groups_names", List.of("Hayat Tahrir al-Sham"), "places_names", List.of("Idlib", "Syria")));
        index("negotiations", Map.of("title", "Negotiators meet in Vienna",
                "body", "Iran and the negotiators discussed sanctions. Kirby said talks would continue.",
                "source", "Agence France-Presse", "people_names", List.of("John Kirby"),
                "places_names", List.of("Vienna", "Austria")));
        client.indices().refresh(r -> r.index(INDEX));
    }

    private static void index(String id, Map<String, Object> article) throws IOException {
        client.index(i -> i.index(INDEX).id(id).document(article));
    }

    private static List<String> ids(String q) throws IOException {
        return ids(JournalistQuery.parse(q).query());
    }

    private static List<String> ids(Query query) throws IOException {
        return client.search(s -> s.index(INDEX).size(10).query(query), Map.class).hits().hits().stream()
                .map(Hit::id).sorted().toList();
    }

    @Test
    void shouldRequireAllWordsStemmedAndFoldedAcrossTitleAndBody() throws IOException {
        assertThat(ids("raid atme")).containsExactly("raids");
        assertThat(ids("ceasefire moscow")).containsExactly("ceasefire");
        assertThat(ids("ceasefire vienna")).isEmpty();
    }

    @Test
    void shouldMatchPhrasesExactlyWithoutStemming() throws IOException {
        assertThat(ids("\"night raids\"")).containsExactly("raids");
        assertThat(ids("\"night raid\"")).isEmpty();
        assertThat(ids("\"NÚCLEAR deal\"")).containsExactly("ceasefire");
    }

    @Test
    void shouldMatchNearWordsInAnyOrderWithinTheGap() throws IOException {
        // "Talks on the nuclear deal": three words between, in the other order
        assertThat(ids("\"deal talks\"~3")).containsExactly("ceasefire");
        assertThat(ids("\"deal talks\"~2")).isEmpty();
    }

    @Test
    void shouldBindOrTighterThanAnd() throws IOException {
        // ceasefire AND (talks OR raids), not (ceasefire talks) OR raids
        assertThat(ids("ceasefire talks OR raids")).containsExactly("ceasefire");
        assertThat(ids("(ceasefire talks) OR raids")).containsExactly("ceasefire", "raids");
    }

    @Test
    void shouldExclude() throws IOException {
        assertThat(ids("kirby -vienna")).containsExactly("raids");
        assertThat(ids("kirby NOT \"night raids\"")).containsExactly("negotiations");
    }

    @Test
    void shouldMatchEverythingExceptWhenOnlyExclusions() throws IOException {
        assertThat(ids("-kirby")).containsExactly("ceasefire");
    }

    @Test
    void shouldMatchPrefixes() throws IOException {
        assertThat(ids("negotiat*")).containsExactly("negotiations");
        assertThat(ids("NEGOT*")).containsExactly("negotiations");
    }

    @Test
    void shouldMatchFuzzyWords() throws IOException {
        assertThat(ids("mosow~")).containsExactly("ceasefire");
        assertThat(ids("ankra~1")).containsExactly("ceasefire");
        assertThat(ids("anqra~1")).isEmpty();
    }

    @Test
    void shouldScopeToTitle() throws IOException {
        assertThat(ids("title:idlib")).containsExactly("ceasefire");
        assertThat(ids("title:kirby")).isEmpty();
    }

    @Test
    void shouldMatchEntityNamesAsPhrases() throws IOException {
        assertThat(ids("person:\"john kirby\"")).containsExactly("negotiations", "raids");
        assertThat(ids("person:\"kirby john\"")).isEmpty();
        assertThat(ids("person:(\"abdel rahman\" OR gaddafi)")).containsExactly("ceasefire");
        assertThat(ids("group:\"tahrir al-sham\" group:hayat*")).containsExactly("ceasefire");
        assertThat(ids("place:syria -place:atme")).containsExactly("ceasefire");
    }

    @Test
    void shouldPassEntityNamesThroughTheNormalizer() throws IOException {
        UnaryOperator<String> normalizer = name -> name.replace("kerbi", "kirby");
        assertThat(ids(JournalistQuery.parse("person:kerbi", QueryLimits.DEFAULT, normalizer).query()))
                .containsExactly("negotiations", "raids");
    }

    @Test
    void shouldMatchSourcesExactlyInAnyCase() throws IOException {
        assertThat(ids("source:reuters")).containsExactly("raids");
        assertThat(ids("source:\"AL JAZEERA\"")).containsExactly("ceasefire");
        assertThat(ids("source:agence*")).containsExactly("negotiations");
        assertThat(ids("source:jazeera")).isEmpty();
    }
}
