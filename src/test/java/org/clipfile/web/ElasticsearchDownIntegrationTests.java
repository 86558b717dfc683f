package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With Elasticsearch unreachable the server still answers: 503 problems and an unhealthy status, never a 500. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"spring.elasticsearch.uris=http://127.0.0.1:9", "clipfile.index.alias=it-down"})
class ElasticsearchDownIntegrationTests {
    @LocalServerPort
    int port;

    @Test
    void shouldAnswer503ProblemForSearch() {
        Http.Response response = new Http(port).get("/api/search?q=anything");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/backend-unavailable");
    }

    @Test
    void shouldAnswer503ProblemForIngest() {
        Http.Response response = new Http(port).post("/api/articles", "application/json", """
                {"title": "t", "body": "b"}""");

        assertThat(response.status()).isEqualTo(503);
    }

    @Test
    void shouldReportItselfDownInHealth() {
        Http.Response response = new Http(port).get("/actuator/health");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("status").asString()).isEqualTo("DOWN");
    }
}
