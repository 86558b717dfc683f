package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class ExploreRequestsTests {
    static final BoundingBox SYRIA = new BoundingBox(35.5, 32.3, 42.4, 37.3);

    private static String json(SearchRequest request) {
        return JsonpUtils.toJsonString(request, new Jackson3JsonpMapper());
    }

    private static SearchParameters inSyria(Map<Facet, Selection> selections) {
        return new SearchParameters(null, selections, null, null, SearchParameters.Sort.relevance, 1, 20, 10, SYRIA);
    }

    @Test
    void shouldFilterSearchResultsToTheRectangle() throws Exception {
        JSONAssert.assertEquals("""
                {"post_filter": {"bool": {"filter": [{"geo_bounding_box": {"place_points": {
                  "top_left": {"lat": 37.3, "lon": 35.5}, "bottom_right": {"lat": 32.3, "lon": 42.4}}}}]}}}""",
                json(SearchRequestFactory.search("articles", inSyria(Map.of()), null)), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldCountMapCellsWithEverySelectionButTheRectangle() throws Exception {
        var selections = Map.of(Facet.SOURCE, new Selection(List.of("AFP"), List.of()));

        String json = json(ExploreRequests.map("articles", inSyria(selections), 4, 500));

        JSONAssert.assertEquals("""
                {"size": 0,
                 "query": {"bool": {"must": [{"match_all": {}}],
                   "filter": [{"bool": {"filter": [{"terms": {"source": ["AFP"]}}]}}]}},
                 "aggregations": {"cells": {
                   "geotile_grid": {"field": "place_points", "precision": 4, "size": 500},
                   "aggregations": {
                     "places": {"terms": {"field": "places", "size": 30}}}}}}""", json, JSONCompareMode.LENIENT);
        org.assertj.core.api.Assertions.assertThat(json).doesNotContain("geo_bounding_box").doesNotContain("centroid");
    }

    @Test
    void shouldAskForAnEntitysTimelineCompanyAndUnusualCompany() throws Exception {
        String json = json(ExploreRequests.entity("articles", SearchParameters.of("raid", 1, 20), Facet.PERSON,
                "person:john-kirby", CalendarInterval.Month));

        JSONAssert.assertEquals("""
                {"query": {"bool": {"filter": [{"term": {"people": {"value": "person:john-kirby"}}}]}},
                 "track_total_hits": true,
                 "_source": {"includes": ["entities"]},
                 "aggregations": {
                   "timeline": {"date_histogram": {"field": "published", "calendar_interval": "month",
                     "min_doc_count": 1}},
                   "with_group": {"terms": {"field": "groups", "size": 10, "exclude": ["person:john-kirby"]}},
                   "unusual_place": {"significant_terms": {"field": "places", "size": 10,
                     "exclude": ["person:john-kirby"]}}}}""", json, JSONCompareMode.LENIENT);
    }

    @Test
    void shouldSuggestFromTheNamesOfTheChosenTypes() throws Exception {
        JSONAssert.assertEquals("""
                {"size": 0,
                 "query": {"multi_match": {"query": "kir", "type": "phrase_prefix",
                   "fields": ["people_names", "groups_names"]}},
                 "aggregations": {
                   "person": {"terms": {"field": "people", "size": 100}},
                   "group": {"terms": {"field": "groups", "size": 100}}}}""",
                json(ExploreRequests.suggest("articles", List.of(Facet.PERSON, Facet.GROUP), "kir", 100)),
                JSONCompareMode.LENIENT);
    }

    @Test
    void shouldRelateByTextAndByEachSharedEntityButNeverTheArticleItself() throws Exception {
        JSONAssert.assertEquals("""
                {"size": 5,
                 "query": {"bool": {
                   "should": [
                     {"more_like_this": {"fields": ["title", "body"], "like": [{"_index": "articles", "_id": "a1"}]}},
                     {"term": {"people": {"value": "person:john-kirby", "boost": 2.0}}},
                     {"term": {"places": {"value": "place:country:SY", "boost": 1.0}}},
                     {"term": {"places": {"value": "place:region:SY.12", "boost": 1.0}}}],
                   "must_not": [{"ids": {"values": ["a1"]}}],
                   "minimum_should_match": "1"}}}""",
                json(ExploreRequests.related("articles", "a1", List.of("person:john-kirby"), List.of(),
                        List.of("place:country:SY", "place:region:SY.12"), 5)),
                JSONCompareMode.LENIENT);
    }
}
