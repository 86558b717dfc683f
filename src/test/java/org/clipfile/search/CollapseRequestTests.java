package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

class CollapseRequestTests {
    private static String json(boolean collapse) {
        return JsonpUtils.toJsonString(SearchRequestFactory.search("articles", SearchParameters.of("strike", 1, 20),
                null, collapse), new Jackson3JsonpMapper());
    }

    @Test
    void shouldCollapseCopiesOnTheClusterWithTheEarliestCopiesAsInnerHits() throws Exception {
        JSONAssert.assertEquals("""
                {"collapse": {"field": "cluster", "inner_hits": [{"name": "copies", "size": 5,
                  "sort": [{"published": {"order": "asc", "missing": "_last"}}],
                  "_source": {"includes": ["id", "source", "published"]}}]}}""", json(true),
                JSONCompareMode.LENIENT);
    }

    @Test
    void shouldLeaveTheRequestUncollapsedWhenAskedForEveryCopy() {
        assertThat(json(false)).doesNotContain("collapse").isEqualTo(JsonpUtils.toJsonString(
                SearchRequestFactory.search("articles", SearchParameters.of("strike", 1, 20), null),
                new Jackson3JsonpMapper()));
    }
}
