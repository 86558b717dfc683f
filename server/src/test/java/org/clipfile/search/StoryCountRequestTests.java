package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Facets counting stories: a cardinality of the clusters under every bucket, only when asked for. */
class StoryCountRequestTests {
    private static SearchParameters parameters(boolean stories, Set<String> counted) {
        return new SearchParameters("strike", Map.of(), null, null, SearchParameters.Sort.relevance, 1, 20, 10, null,
                counted, null, stories);
    }

    private static String json(co.elastic.clients.elasticsearch.core.SearchRequest request) {
        return JsonpUtils.toJsonString(request, new Jackson3JsonpMapper());
    }

    @Test
    void shouldCountTheDistinctClustersUnderEveryFacetBucketAndDateWhenCountingStories() throws Exception {
        String request = json(SearchRequestFactory.search("articles", parameters(true, Set.of("source", "place",
                "date")), null, true));

        JSONAssert.assertEquals("""
                {"aggregations": {
                  "source": {"terms": {"field": "source", "size": 10},
                    "aggregations": {"stories": {"cardinality": {"field": "cluster", "precision_threshold": 3000}}}},
                  "place.countries": {"terms": {"field": "place_tree_countries"},
                    "aggregations": {"stories": {"cardinality": {"field": "cluster"}}}},
                  "place.regions": {"aggregations": {"stories": {"cardinality": {"field": "cluster"}}}},
                  "place.cities": {"aggregations": {"stories": {"cardinality": {"field": "cluster"}}}},
                  "date": {"date_histogram": {"field": "published"},
                    "aggregations": {"stories": {"cardinality": {"field": "cluster"}}}}}}""", request,
                JSONCompareMode.LENIENT);
    }

    @Test
    void shouldCountArticlesAloneByDefault() {
        String stories = json(SearchRequestFactory.search("articles", parameters(true, null), null, true));
        String articles = json(SearchRequestFactory.search("articles", parameters(false, null), null, true));

        assertThat(stories).contains("cardinality");
        assertThat(articles).doesNotContain("cardinality").doesNotContain("\"stories\"");
        assertThat(articles).isEqualTo(json(SearchRequestFactory.search("articles",
                SearchParameters.of("strike", 1, 20), null, true)));
    }

    @Test
    void shouldCountStoriesInTheValuesOfOneFacet() throws Exception {
        String request = json(SearchRequestFactory.facetValues("articles", parameters(true, null), Facet.SOURCE,
                null, false, 20));

        JSONAssert.assertEquals("""
                {"size": 0, "aggregations": {"values": {"terms": {"field": "source", "size": 20},
                  "aggregations": {"stories": {"cardinality": {"field": "cluster"}}}}}}""", request,
                JSONCompareMode.LENIENT);
        assertThat(json(SearchRequestFactory.facetValuesOf("articles", parameters(true, null), Facet.PLACE,
                List.of("place:country:SY"), false))).contains("\"stories\":{\"cardinality\"");
    }
}
