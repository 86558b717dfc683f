package org.clipfile.search;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.clipfile.search.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class SearchRequestFactoryTests {
    private static String json(SearchParameters parameters) {
        return JsonpUtils.toJsonString(SearchRequestFactory.search("articles", parameters), new Jackson3JsonpMapper());
    }

    @Test
    void shouldMatchAllWordsAcrossTitleAndBody() throws Exception {
        JSONAssert.assertEquals("""
                {"from": 20, "size": 10, "track_total_hits": true,
                 "query": {"multi_match": {"query": "raid idlib", "type": "cross_fields", "operator": "and",
                   "fields": ["title^3", "title.folded^2", "body", "body.folded"]}},
                 "sort": [{"_score": {"order": "desc"}}, {"published": {"order": "desc", "missing": "_last"}}],
                 "highlight": {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                   "fields": [{"body": {"fragment_size": 180, "number_of_fragments": 1, "no_match_size": 180}},
                              {"title": {"number_of_fragments": 0}}]}}""",
                json(new SearchParameters("raid idlib", 3, 10)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldListNewestFirstWithoutQuery() throws Exception {
        JSONAssert.assertEquals("""
                {"from": 0, "size": 20, "query": {"match_all": {}},
                 "sort": [{"published": {"order": "desc", "missing": "_last"}}]}""",
                json(new SearchParameters(" ", 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldPassUserTextOnlyAsQueryText() throws Exception {
        String hostile = "{\"script\": {\"source\": \"x\"}}";
        String q = "\"" + hostile.replace("\"", "\\\"") + "\"";
        JSONAssert.assertEquals("""
                {"query": {"multi_match": {"type": "phrase", "query": %s}}}""".formatted(
                        co.elastic.clients.json.JsonData.of(hostile).toJson(new Jackson3JsonpMapper())),
                json(new SearchParameters(q, 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldBuildTheQueryFromTheQueryLanguage() throws Exception {
        JSONAssert.assertEquals("""
                {"query": {"bool": {
                  "must": [{"multi_match": {"query": "raid", "type": "cross_fields"}},
                           {"multi_match": {"query": "special forces", "type": "phrase"}}],
                  "must_not": [{"multi_match": {"query": "opinion"}}]}}}""",
                json(new SearchParameters("raid \"special forces\" -opinion", 1, 20)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldRejectQuerySyntaxErrorsBeforeSearching() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> json(new SearchParameters("raid \"special", 1, 20)))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessage("unclosed quote");
    }
}
