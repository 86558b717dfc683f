package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Facet counts on a real Elasticsearch: OR within a facet, AND across facets, each facet counted under the other
 * facets' selections, and every count equal to what a separate counting query gives.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-facets")
class FacetIntegrationTests extends ArchiveServerTest {
    static final String SY = "place:country:SY";
    static final String IDLIB = "place:geonames:170062";
    static final String IQ = "place:country:IQ";
    static final String FR = "place:country:FR";

    final ElasticsearchClient client = TestElasticsearch.client();

    @BeforeEach
    void indexFixtures() throws IOException {
        put("a1", "Raid near Atme", "2024-01-10", "AFP", "syria", List.of("person:john-kirby"),
                List.of(SY, IDLIB), List.of("SY", "SY/" + IDLIB));
        put("a2", "Raid in Idlib province", "2024-01-20", "Reuters", "syria", List.of(),
                List.of(SY, IDLIB), List.of("SY", "SY/" + IDLIB));
        put("a3", "Raid in Mosul", "2024-02-05", "AFP", "iraq", List.of("person:john-kirby"), List.of(IQ),
                List.of("IQ"));
        put("a4", "Raid in Marseille", "2024-03-01", "BBC", "europe", List.of(), List.of(FR), List.of("FR"));
        put("a5", "Raid talks in Paris and Damascus", "2024-03-02", "AFP", "world", List.of(), List.of(FR, SY),
                List.of("FR", "SY"));
        client.indices().refresh(r -> r.index(index.alias()));
    }

    private void put(String id, String title, String published, String source, String section, List<String> people,
            List<String> places, List<String> paths) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("title", title);
        doc.put("body", title + ". The body of the story.");
        doc.put("published", published + "T12:00:00Z");
        doc.put("source", source);
        doc.put("section", section);
        doc.put("people", people);
        doc.put("places", places);
        doc.put("place_paths", paths);
        doc.put("place_countries", paths.stream().filter(p -> !p.contains("/")).toList());
        // The place tree's levels, as Article derives them from the paths when Clipfile writes an article.
        doc.put("place_tree_countries", paths.stream().filter(p -> p.chars().filter(c -> c == '/').count() == 0).toList());
        doc.put("place_tree_regions", paths.stream().filter(p -> p.chars().filter(c -> c == '/').count() == 1).toList());
        doc.put("place_tree_cities", paths.stream().filter(p -> p.chars().filter(c -> c == '/').count() == 2).toList());
        // Each its own story, as Article writes it: search collapses copies by cluster.
        doc.put("cluster", id);
        client.index(i -> i.index(index.alias()).id(id).document(doc).refresh(Refresh.False));
    }

    private JsonNode search(String query) {
        Http.Response response = http.get("/api/search?q=raid&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Long> counts(JsonNode result, String facet) {
        Map<String, Long> counts = new HashMap<>();
        result.get("facets").get(facet).get("values").forEach(v -> counts.put(v.get("value").asString(),
                v.get("count").asLong()));
        return counts;
    }

    @Test
    void shouldKeepOtherCountriesCountsWhenOneIsSelected() {
        JsonNode result = search("country=SY");

        assertThat(result.get("total").asLong()).isEqualTo(3);
        assertThat(counts(result, "country")).containsEntry("SY", 3L).containsEntry("FR", 2L).containsEntry("IQ", 1L);
        assertThat(counts(result, "source")).containsOnly(Map.entry("AFP", 2L), Map.entry("Reuters", 1L));
    }

    @Test
    void shouldOrValuesWithinAFacetAndAndAcrossFacets() {
        JsonNode result = search("country=SY&country=IQ&source=AFP");

        assertThat(result.get("total").asLong()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("a1", "a3", "a5");
    }

    @Test
    void shouldMatchArticlesNamingOnlyARegionWhenItsCountryIsSelected() {
        JsonNode result = search("place=" + Http.encode(SY));

        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        assertThat(ids).contains("a2");
    }

    @Test
    void shouldExcludeNegatedValuesFromHitsAndShowThemMarkedInTheirFacet() {
        JsonNode result = search("-source=AFP");

        assertThat(result.get("total").asLong()).isEqualTo(2);
        assertThat(counts(result, "source")).containsEntry("AFP", 3L).containsEntry("Reuters", 1L);
        for (JsonNode value : result.get("facets").get("source").get("values")) {
            assertThat(value.get("excluded").asBoolean()).isEqualTo(value.get("value").asString().equals("AFP"));
        }
        assertThat(counts(result, "section")).doesNotContainKey("iraq");
    }

    @Test
    void shouldBuildThePlaceTree() {
        JsonNode result = search("");

        JsonNode syria = null;
        for (JsonNode country : result.get("facets").get("place").get("values")) {
            if (country.get("value").asString().equals("SY")) {
                syria = country;
            }
        }
        assertThat(syria).isNotNull();
        assertThat(syria.get("count").asLong()).isEqualTo(3);
        assertThat(syria.get("children").get(0).get("value").asString()).isEqualTo(IDLIB);
        assertThat(syria.get("children").get(0).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void shouldFilterByDateAndCountTheHistogramWithoutTheDateRange() {
        JsonNode result = search("from=2024-01-01&to=2024-01-31");

        assertThat(result.get("total").asLong()).isEqualTo(2);
        long histogramTotal = 0;
        for (JsonNode bucket : result.get("dates").get("buckets")) {
            histogramTotal += bucket.get("count").asLong();
        }
        assertThat(histogramTotal).as("the histogram shows the whole span to choose from").isEqualTo(5);
    }

    @Test
    void shouldGiveTheSameCountsAsSeparateCountingQueries() throws IOException {
        List<String> selections = List.of("", "country=SY", "country=SY&country=FR", "source=AFP",
                "country=SY&source=AFP", "source=AFP&source=BBC&country=FR", "-country=IQ&section=syria");
        for (String selection : selections) {
            JsonNode result = search(selection);
            for (String facet : List.of("country", "source", "section", "person")) {
                for (var entry : counts(result, facet).entrySet()) {
                    long expected = separateCount(selection, facet, entry.getKey());
                    assertThat(entry.getValue()).as("%s = %s under %s", facet, entry.getKey(), selection)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** Counts with plain queries: q, every selection of the other facets, and this facet's value. */
    private long separateCount(String selection, String facet, String value) throws IOException {
        Map<String, String> fields = Map.of("country", "place_countries", "source", "source", "section", "section",
                "person", "people");
        List<Query> filters = new ArrayList<>();
        List<Query> exclusions = new ArrayList<>();
        for (String part : selection.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] kv = part.split("=");
            boolean negated = kv[0].startsWith("-");
            String name = negated ? kv[0].substring(1) : kv[0];
            if (name.equals(facet)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String other : selection.split("&")) {
                if (other.startsWith(kv[0] + "=")) {
                    values.add(other.substring(kv[0].length() + 1));
                }
            }
            Query terms = Query.of(q -> q.terms(t -> t.field(fields.get(name))
                    .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
            (negated ? exclusions : filters).add(terms);
        }
        filters.add(Query.of(q -> q.term(t -> t.field(fields.get(facet)).value(value))));
        filters.add(Query.of(q -> q.match(m -> m.field("title").query("raid"))));
        return client.count(c -> c.index(index.alias()).query(q -> q.bool(b -> b.filter(filters)
                .mustNot(exclusions)))).count();
    }

    @Test
    void shouldSearchWithinAFacetsValuesUnderTheCurrentSearch() {
        JsonNode values = http.get("/api/facets/source?q=raid&contains=REU").json().get("values");

        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("value").asString()).isEqualTo("Reuters");
        assertThat(values.get(0).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void shouldPageThroughFacetValuesByName() {
        JsonNode first = http.get("/api/facets/source?order=name&size=2&page=1").json().get("values");
        JsonNode second = http.get("/api/facets/source?order=name&size=2&page=2").json().get("values");

        assertThat(first.get(0).get("value").asString()).isEqualTo("AFP");
        assertThat(first.get(1).get("value").asString()).isEqualTo("BBC");
        assertThat(second.get(0).get("value").asString()).isEqualTo("Reuters");
    }

    @Test
    void shouldCountFacetValuesUnderTheOtherFacetsSelections() {
        JsonNode values = http.get("/api/facets/country?source=AFP&country=SY").json().get("values");

        Map<String, Long> counts = new HashMap<>();
        values.forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        assertThat(counts).containsOnly(Map.entry("SY", 2L), Map.entry("IQ", 1L), Map.entry("FR", 1L));
    }

    @Test
    void shouldAnswer404ForAnUnknownFacet() {
        Http.Response response = http.get("/api/facets/colour");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("person");
    }
}
