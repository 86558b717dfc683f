package org.clipfile.search;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clipfile.search.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class SearchRequestFactoryTests {
    /** The JSON text of one top-level member of an object. */
    private static String part(String json, String member) {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(json).get(member).toString();
    }

    private static String json(SearchParameters parameters) {
        return JsonpUtils.toJsonString(SearchRequestFactory.search("articles", parameters, null), new Jackson3JsonpMapper());
    }

    @Test
    void shouldMatchAllWordsAcrossTitleAndBody() throws Exception {
        JSONAssert.assertEquals("""
                {"from": 20, "size": 10, "track_total_hits": true,
                 "query": {"bool": {"minimum_should_match": "1", "should": [
                   {"bool": {"must": [{"multi_match": {"query": "raid idlib", "type": "cross_fields",
                     "operator": "and", "fields": ["title^1.5", "title.folded", "body", "body.folded"]}}]}},
                   {"constant_score": {"boost": 1.0, "filter": {"multi_match": {"query": "raid idlib", "type": "phrase",
                     "fields": ["people_names.key", "groups_names.key", "places_names.key"]}}}}]}},
                 "sort": [{"_score": {"order": "desc"}}, {"published": {"order": "desc", "missing": "_last"}}],
                 "highlight": {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                   "fields": [{"body": {"fragment_size": 180, "number_of_fragments": 1, "no_match_size": 180}},
                              {"title": {"number_of_fragments": 0}}]}}""",
                json(SearchParameters.of("raid idlib", 3, 10)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldListNewestFirstWithoutQuery() throws Exception {
        JSONAssert.assertEquals("""
                {"from": 0, "size": 20, "query": {"match_all": {}},
                 "sort": [{"published": {"order": "desc", "missing": "_last"}}]}""",
                json(SearchParameters.of(" ", 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldPassUserTextOnlyAsQueryText() throws Exception {
        String hostile = "{\"script\": {\"source\": \"x\"}}";
        String q = "\"" + hostile.replace("\"", "\\\"") + "\"";
        JSONAssert.assertEquals("""
                {"query": {"bool": {"should": [{"multi_match": {"type": "phrase", "query": %s}}, {}]}}}""".formatted(
                        co.elastic.clients.json.JsonData.of(hostile).toJson(new Jackson3JsonpMapper())),
                json(SearchParameters.of(q, 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldBuildTheQueryFromTheQueryLanguage() throws Exception {
        JSONAssert.assertEquals("""
                {"query": {"bool": {
                  "must": [{"multi_match": {"query": "raid", "type": "cross_fields"}},
                           {"multi_match": {"query": "special forces", "type": "phrase"}}],
                  "must_not": [{"multi_match": {"query": "opinion"}}]}}}""",
                json(SearchParameters.of("raid \"special forces\" -opinion", 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldAlsoMatchAQueryThatIsANameAgainstEntityNameKeysKeyedByTheIndex() throws Exception {
        JSONAssert.assertEquals("""
                {"query": {"bool": {"should": [{}, {"constant_score": {"filter": {"multi_match": {
                   "query": "Abd al-Rahman", "type": "phrase",
                   "fields": ["people_names.key", "groups_names.key", "places_names.key"]}}}}]}}}""",
                json(SearchParameters.of("Abd al-Rahman", 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldLookUpTwentyFourTermsAsANameButNotAPastedParagraph() {
        String words = String.join(" ", java.util.Collections.nCopies(24, "word"));
        String chinese = "中国石油天然气集团有限公司";

        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of(words, 1, 20)))
                .contains("people_names.key");
        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of(words + " more", 1, 20)))
                .doesNotContain("people_names.key");
        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of(chinese, 1, 20)))
                .contains("people_names.key");
        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of(chinese.repeat(2), 1, 20)))
                .doesNotContain("people_names.key");
    }

    @Test
    void shouldExcludeAQueryOfOnlyAnExclusionWithoutMatchingItAsAName() throws Exception {
        String json = json(SearchParameters.of("-assad", 1, 20));

        JSONAssert.assertEquals("""
                {"query": {"bool": {"must": [{"match_all": {}}],
                  "must_not": [{"multi_match": {"query": "assad"}}]}}}""", json, JSONCompareMode.LENIENT);
        org.assertj.core.api.Assertions.assertThat(json).doesNotContain("asad").doesNotContain("should");
    }

    @Test
    void shouldNotTurnScopesOrOperatorsIntoNameKeys() {
        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of("person:kirby", 1, 20)))
                .doesNotContain("parsun");
        org.assertj.core.api.Assertions.assertThat(json(SearchParameters.of("kirby OR blinken", 1, 20)))
                .doesNotContain("kirby ur blinkan").doesNotContain("people_names\", \"groups_names");
    }

    @Test
    void shouldRankBySalienceOfTheSelectedEntitiesEvenWithoutAQuery() throws Exception {
        SearchParameters parameters = new SearchParameters(" ", Map.of(
                Facet.PLACE, new Selection(List.of("place:country:IR"), List.of()),
                Facet.SOURCE, new Selection(List.of("Reuters"), List.of())),
                null, null, SearchParameters.Sort.relevance, 1, 20, 10);

        JSONAssert.assertEquals("""
                {"query": {"bool": {"must": [{"match_all": {}}], "should": [{"nested": {"path": "entity_salience",
                   "score_mode": "max", "query": {"function_score": {
                     "query": {"terms": {"entity_salience.ids": ["place:country:IR"]}},
                     "functions": [{"field_value_factor": {"field": "entity_salience.value"}}]}}}}]}},
                 "sort": [{"_score": {"order": "desc"}}, {"published": {"order": "desc"}}]}""",
                json(parameters), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldRejectQuerySyntaxErrorsBeforeSearching() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json(SearchParameters.of("raid \"special", 1, 20)))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessage("unclosed quote");
    }

    private static SearchParameters selecting(Map<Facet, Selection> selections) {
        return new SearchParameters("raid", selections, null, null, SearchParameters.Sort.relevance, 1, 20, 10);
    }

    @Test
    void shouldFilterHitsWithEverySelectionAfterScoring() throws Exception {
        String json = json(selecting(Map.of(
                Facet.COUNTRY, new Selection(List.of("SY", "IQ"), List.of()),
                Facet.SOURCE, new Selection(List.of(), List.of("Sputnik")))));

        JSONAssert.assertEquals("""
                {"post_filter": {"bool": {
                   "filter": [{"terms": {"place_countries": ["SY", "IQ"]}}],
                   "must_not": [{"terms": {"source": ["Sputnik"]}}]}}}""", json, JSONCompareMode.LENIENT);
    }

    @Test
    void shouldCountEachFacetWithTheOtherFacetsSelectionsOnly() throws Exception {
        String json = json(selecting(Map.of(
                Facet.COUNTRY, new Selection(List.of("SY"), List.of()),
                Facet.SOURCE, new Selection(List.of("AFP"), List.of()))));

        // Each selected facet counts under the other's selection; every other facet sees both, in one shared filter.
        JSONAssert.assertEquals("""
                {"aggregations": {
                   "selections:1": {"filter": {"bool": {"filter": [{"terms": {"source": ["AFP"]}}]}},
                               "aggregations": {"country": {"terms": {"field": "place_countries", "size": 10}}}},
                   "selections:2": {"filter": {"bool": {"filter": [{"terms": {"place_countries": ["SY"]}}]}},
                              "aggregations": {"source": {"terms": {"field": "source", "size": 10}}}},
                   "selections:0": {"filter": {"bool": {"filter": [{"terms": {"place_countries": ["SY"]}},
                                                             {"terms": {"source": ["AFP"]}}]}},
                              "aggregations": {"person": {"terms": {"field": "people"}}, "group": {},
                                  "place.countries": {}, "section": {}, "tag": {}, "language": {}, "date": {}}}}}""",
                json, JSONCompareMode.LENIENT);
    }

    @Test
    void shouldLeaveTheDateRangeOutOfTheHistogramItSelectsFrom() throws Exception {
        var parameters = new SearchParameters(null, Map.of(), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"), SearchParameters.Sort.newest, 1, 20, 10);

        String json = json(parameters);

        JSONAssert.assertEquals("""
                {"post_filter": {"bool": {"filter": [{"range": {"published": {
                    "gte": "2024-01-01T00:00:00Z", "lt": "2024-03-01T00:00:00Z"}}}]}},
                 "aggregations": {"date": {"date_histogram": {"field": "published", "calendar_interval": "day"}},
                    "selections:0": {"filter": {"bool": {"filter": [{"range": {"published": {}}}]}},
                       "aggregations": {"person": {}, "place.cities": {}}}},
                 "sort": [{"published": {"order": "desc"}}]}""", json, JSONCompareMode.LENIENT);
    }

    @Test
    void shouldCountPlacesAsACountryRegionCityTree() throws Exception {
        JSONAssert.assertEquals("""
                {"aggregations": {
                   "place.countries": {"terms": {"field": "place_tree_countries", "size": 10}},
                   "place.regions": {"terms": {"field": "place_tree_regions", "size": 30}},
                   "place.cities": {"terms": {"field": "place_tree_cities", "size": 60}}}}""",
                json(SearchParameters.of(null, 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldCountEveryFacetAtTheTopLevelWhenNothingIsSelected() {
        String json = part(json(SearchParameters.of("raid", 1, 20)), "aggregations");

        assertThat(json).doesNotContain("\"filter\"").doesNotContain("selections:").doesNotContain("\"include\"");
        for (Facet facet : Facet.values()) {
            if (facet != Facet.PLACE) {
                assertThat(json).contains("\"" + facet.parameter() + "\":{\"terms\"");
            }
        }
        assertThat(json).contains("\"date\":{\"date_histogram\"");
    }

    @Test
    void shouldCountOnlyTheFacetsAskedFor() throws Exception {
        var parameters = new SearchParameters("raid", Map.of(Facet.SOURCE, new Selection(List.of("AFP"), List.of())),
                null, null, SearchParameters.Sort.relevance, 1, 20, 10, null, java.util.Set.of("person", "date"));

        String json = json(parameters);

        JSONAssert.assertEquals("""
                {"aggregations": {"selections:0": {"filter": {"bool": {"filter": [{"terms": {"source": ["AFP"]}}]}},
                   "aggregations": {"person": {"terms": {"field": "people"}},
                                    "date": {"date_histogram": {"field": "published"}}}}}}""", json,
                JSONCompareMode.NON_EXTENSIBLE.isExtensible() ? JSONCompareMode.LENIENT : JSONCompareMode.STRICT_ORDER);
        assertThat(json).doesNotContain("place_tree").doesNotContain("\"source\":{\"terms\"");
    }

    @Test
    void shouldAskForNoCountsWhenNoFacetIsWanted() {
        var parameters = new SearchParameters("raid", Map.of(), null, null, SearchParameters.Sort.relevance, 1, 20, 10,
                null, java.util.Set.of());

        assertThat(json(parameters)).doesNotContain("aggregations");
    }

    @Test
    void shouldHighlightTheJournalistsQueryWithoutTheNameKeyClause() throws Exception {
        String json = json(SearchParameters.of("raid idlib", 1, 20));
        String highlightQuery = part(part(json, "highlight"), "highlight_query");

        assertThat(highlightQuery).contains("\"multi_match\":{\"fields\"").contains("\"query\":\"raid idlib\"")
                .contains("cross_fields").doesNotContain("people_names");
        assertThat(part(json, "query")).as("the search itself also matches names").contains("people_names");
        assertThat(json).as("plain words: the stemmed fields mark all the folded ones would")
                .doesNotContain("matched_fields");
    }

    @Test
    void shouldLeaveTheFoldedFieldsOutOfTheHighlightQueryOfPlainWords() throws Exception {
        for (String q : List.of("raid idlib", "raid OR strike", "raid -idlib", "what did the army decide about raids",
                "title:raid")) {
            String json = json(SearchParameters.of(q, 1, 20));
            String highlightQuery = part(part(json, "highlight"), "highlight_query");

            assertThat(highlightQuery).as(q).doesNotContain(".folded").contains("\"title");
            assertThat(part(json, "query")).as(q + ": the search itself still searches the folded fields")
                    .contains(".folded");
        }
        String exact = part(part(json(SearchParameters.of("\"special forces\" raid", 1, 20)), "highlight"),
                "highlight_query");
        assertThat(exact).as("a phrase searches the folded fields, and marks through them").contains("body.folded");
    }

    @Test
    void shouldHighlightThroughTheFoldedFieldsWhenTheQuerySearchesExactWords() {
        for (String q : List.of("\"special forces\"", "raid \"near idlib\"~3", "idl*", "raed~", "person:kirby",
                "raid OR title:\"special forces\"")) {
            assertThat(json(SearchParameters.of(q, 1, 20))).as(q)
                    .contains("\"matched_fields\":[\"body\",\"body.folded\"]")
                    .contains("\"matched_fields\":[\"title\",\"title.folded\"]");
        }
        for (String q : List.of("raid", "raid -\"special forces\"", "title:raid", "source:reuters")) {
            assertThat(json(SearchParameters.of(q, 1, 20))).as(q).doesNotContain("matched_fields");
        }
    }

    @Test
    void shouldChooseHistogramIntervalsFromTheSpan() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        var none = SearchParameters.of(null, 1, 20);
        assertThat(SearchRequestFactory.interval(none, null).jsonValue()).isEqualTo("year");
        assertThat(SearchRequestFactory.interval(none, new SearchRequestFactory.DateSpan(start,
                start.plus(Duration.ofDays(2)))).jsonValue()).isEqualTo("hour");
        assertThat(SearchRequestFactory.interval(none, new SearchRequestFactory.DateSpan(start,
                start.plus(Duration.ofDays(60)))).jsonValue()).isEqualTo("day");
        assertThat(SearchRequestFactory.interval(none, new SearchRequestFactory.DateSpan(start,
                start.plus(Duration.ofDays(400)))).jsonValue()).isEqualTo("week");
        assertThat(SearchRequestFactory.interval(none, new SearchRequestFactory.DateSpan(start,
                start.plus(Duration.ofDays(3000)))).jsonValue()).isEqualTo("month");
    }
}
