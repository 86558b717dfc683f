package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.List;
import java.util.Map;
import org.clipfile.search.query.QueryTranslator;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class CollapseRequestTests {
    private static String json(boolean collapse) {
        return JsonpUtils.toJsonString(SearchRequestFactory.search("articles", SearchParameters.of("strike", 1, 20),
                null, collapse), new Jackson3JsonpMapper());
    }

    @Test
    void shouldCollapseCopiesOnTheClusterWithoutAnInnerHitSubSearchPerHit() throws Exception {
        String request = json(true);

        JSONAssert.assertEquals("""
                {"collapse": {"field": "cluster"}}""", request, JSONCompareMode.LENIENT);
        assertThat(request).doesNotContain("inner_hits");
    }

    @Test
    void shouldCountThePageClustersCopiesUnderTheSameQueryAndSelectionsInOneRequest() throws Exception {
        SearchParameters parameters = new SearchParameters("strike", Map.of(Facet.SOURCE, new Selection(
                List.of("Wire"), List.of())), null, null, SearchParameters.Sort.relevance, 1, 20, 10, null, null,
                null, false);
        String request = JsonpUtils.toJsonString(SearchRequestFactory.copiesOf("articles", parameters,
                QueryTranslator.STRICT_WORDS, List.of("c1", "c2", "c1"), false), new Jackson3JsonpMapper());

        JSONAssert.assertEquals("""
                {"size": 0, "track_total_hits": false,
                 "query": {"bool": {
                   "filter": [%s, {"terms": {"cluster": ["c1", "c2"]}},
                              {"bool": {"filter": [{"terms": {"source": ["Wire"]}}]}}]}},
                 "aggregations": {"clusters": {"terms": {"field": "cluster", "size": 2, "execution_hint": "map"},
                   "aggregations": {"earliest": {"top_hits": {"size": 5,
                     "sort": [{"published": {"order": "asc", "missing": "_last"}}],
                     "_source": false, "docvalue_fields": [{"field": "id"}, {"field": "source"}]}}}}}}""".formatted(
                JsonpUtils.toJsonString(SearchRequestFactory.query(parameters), new Jackson3JsonpMapper())),
                request, JSONCompareMode.STRICT);
    }

    @Test
    void shouldCountTheCopiesAsThePageWasSearchedWhenAShortQueryWasRelaxed() {
        SearchParameters parameters = SearchParameters.of("dock strike", 1, 20);
        String strict = JsonpUtils.toJsonString(SearchRequestFactory.copiesOf("articles", parameters,
                QueryTranslator.STRICT_WORDS, List.of("c1"), false), new Jackson3JsonpMapper());
        String relaxed = JsonpUtils.toJsonString(SearchRequestFactory.copiesOf("articles", parameters, 1,
                List.of("c1"), false), new Jackson3JsonpMapper());

        assertThat(relaxed).isNotEqualTo(strict).contains(JsonpUtils.toJsonString(SearchRequestFactory.query(
                parameters, 1), new Jackson3JsonpMapper()));
    }

    @Test
    void shouldCountArticlesWithoutAClusterTogetherAsCollapseFoldsThem() throws Exception {
        String onlyUnclustered = JsonpUtils.toJsonString(SearchRequestFactory.copiesOf("articles",
                SearchParameters.of("", 1, 20), QueryTranslator.STRICT_WORDS, List.of(), true),
                new Jackson3JsonpMapper());
        String both = JsonpUtils.toJsonString(SearchRequestFactory.copiesOf("articles",
                SearchParameters.of("", 1, 20), QueryTranslator.STRICT_WORDS, List.of("c1"), true),
                new Jackson3JsonpMapper());

        JSONAssert.assertEquals("""
                {"query": {"bool": {"filter": [{"match_all": {}},
                   {"bool": {"must_not": [{"exists": {"field": "cluster"}}]}}]}},
                 "aggregations": {"unclustered": {"missing": {"field": "cluster"},
                   "aggregations": {"earliest": {"top_hits": {"size": 5}}}}}}""", onlyUnclustered,
                JSONCompareMode.LENIENT);
        assertThat(onlyUnclustered).doesNotContain("\"clusters\"");
        JSONAssert.assertEquals("""
                {"query": {"bool": {"filter": [{"match_all": {}}, {"bool": {"minimum_should_match": "1", "should": [
                   {"terms": {"cluster": ["c1"]}},
                   {"bool": {"must_not": [{"exists": {"field": "cluster"}}]}}]}}]}},
                 "aggregations": {"clusters": {"terms": {"field": "cluster", "size": 1}},
                   "unclustered": {"missing": {"field": "cluster"}}}}""", both, JSONCompareMode.LENIENT);
    }

    @Test
    void shouldLeaveTheRequestUncollapsedWhenAskedForEveryCopy() {
        assertThat(json(false)).doesNotContain("collapse").isEqualTo(JsonpUtils.toJsonString(
                SearchRequestFactory.search("articles", SearchParameters.of("strike", 1, 20), null),
                new Jackson3JsonpMapper()));
    }
}
