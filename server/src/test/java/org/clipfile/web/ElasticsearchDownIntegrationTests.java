package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With Elasticsearch unreachable the server still answers: 503 problems and an unhealthy status, never a 500. The
 * API key cannot be checked either (keys live in Elasticsearch): that is a 503 too, while a call without any
 * credential is refused at once.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"spring.elasticsearch.uris=http://127.0.0.1:9", "clipfile.index.alias=it-down"})
class ElasticsearchDownIntegrationTests {
    /** Well-formed, so the server must look it up. */
    static final String SOME_KEY = "cf_" + "A".repeat(43);

    @LocalServerPort
    int port;

    Http http() {
        return Http.anonymous(port).withApiKey(SOME_KEY);
    }

    @Test
    void shouldRefuseAnonymousCallsWithoutAskingElasticsearch() {
        Http.Response response = Http.anonymous(port).get("/api/search?q=anything");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void shouldAnswer503ProblemForSearch() {
        Http.Response response = http().get("/api/search?q=anything");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/backend-unavailable");
    }

    @Test
    void shouldAnswer503ProblemForIngest() {
        Http.Response response = http().post("/api/articles", "application/json", """
                {"title": "t", "body": "b"}""");

        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void shouldReportItselfDownInHealth() {
        Http.Response response = Http.anonymous(port).get("/actuator/health");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("status").asString()).isEqualTo("DOWN");
    }
}
