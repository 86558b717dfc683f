package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
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

/** {@code facets=}: a client counts only the facets it shows; the hits and the total stay the same. */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-facet-choice")
class FacetChoiceIntegrationTests extends ArchiveServerTest {
    final ElasticsearchClient client = TestElasticsearch.client();

    @BeforeEach
    void indexFixtures() throws IOException {
        for (int i = 1; i <= 3; i++) {
            String id = "c" + i;
            client.index(x -> x.index(index.alias()).id(id).document(Map.of("id", id, "title", "Raid number " + id,
                    "body", "A raid.", "published", "2024-01-1" + id.charAt(1) + "T12:00:00Z", "source",
                    id.equals("c1") ? "AFP" : "BBC", "place_countries", List.of("SY"),
                    "place_tree_countries", List.of("place:country:SY"),
                    // Each its own story, as Article writes it: search collapses copies by cluster.
                    "cluster", id)));
        }
        client.indices().refresh(r -> r.index(index.alias()));
    }

    private JsonNode search(String query) {
        Http.Response response = http.get("/api/search?q=raid&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldCountOnlyTheFacetsAskedFor() {
        JsonNode all = search("source=AFP");
        JsonNode some = search("source=AFP&facets=source,place&facets=date");

        assertThat(all.get("facets").propertyNames()).contains("person", "country", "source", "place", "tag");
        assertThat(some.get("facets").propertyNames()).containsExactlyInAnyOrder("source", "place");
        assertThat(some.get("facets").get("source")).isEqualTo(all.get("facets").get("source"));
        assertThat(some.get("facets").get("place")).isEqualTo(all.get("facets").get("place"));
        assertThat(some.get("dates")).isEqualTo(all.get("dates"));
        assertThat(some.get("total").asLong()).isEqualTo(all.get("total").asLong()).isEqualTo(1);
        assertThat(some.get("hits")).isEqualTo(all.get("hits"));
    }

    @Test
    void shouldAnswerHitsOnlyWhenNoFacetIsAskedFor() {
        JsonNode none = search("facets=");

        assertThat(none.get("total").asLong()).isEqualTo(3);
        assertThat(none.get("hits")).hasSize(3);
        assertThat(none.get("facets").isEmpty()).isTrue();
        assertThat(none.get("dates").get("buckets").isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownFacetWithAProblem() {
        Http.Response response = http.get("/api/search?q=raid&facets=source,colour");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("colour").contains("person");
    }
}
