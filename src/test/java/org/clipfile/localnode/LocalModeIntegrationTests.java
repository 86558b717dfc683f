package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clipfile.ClipfileApplication;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The newcomer's path: no Elasticsearch configured, so the server starts its own, loads the sample articles into
 * the empty index, serves search, stops the node on shutdown, and finds the same data on the next start.
 */
class LocalModeIntegrationTests {

    @Test
    void shouldServeSamplesFromItsOwnElasticsearchAndKeepDataAcrossRestarts() throws Exception {
        // Relative, as in the default configuration (data/).
        Path dataDir = Path.of("").toAbsolutePath().relativize(TestElasticsearch.freshWorkDir("local-mode"));

        long firstTotal;
        List<ProcessHandle> nodeProcesses;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Http http = new Http(port(app));
            JsonNode result = awaitSearch(http, "raid");
            assertThat(result.get("hits").get(0).get("source").asString()).isEqualTo("Clipfile samples (fictional)");
            firstTotal = awaitSearch(http, "").get("total").asLong();
            assertThat(firstTotal).isGreaterThanOrEqualTo(8);
            nodeProcesses = app.getBean(LocalElasticsearch.class).processes();
            assertThat(nodeProcesses).hasSizeGreaterThanOrEqualTo(3);
        }

        assertThat(nodeProcesses).as("the node's processes are gone after the server stopped")
                .noneMatch(ProcessHandle::isAlive);

        try (ConfigurableApplicationContext app = start(dataDir)) {
            JsonNode result = awaitSearch(new Http(port(app)), "");
            assertThat(result.get("total").asLong()).as("same articles, samples not loaded twice").isEqualTo(firstTotal);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ClipfileApplication.class).run(
                "--server.port=0",
                "--clipfile.local-node.home=" + TestElasticsearch.distribution(),
                "--clipfile.local-node.data-dir=" + dataDir,
                "--clipfile.local-node.http-port=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Searches until the background bootstrap has created the index and loaded the samples. */
    private static JsonNode awaitSearch(Http http, String q) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            last = http.get("/api/search?q=" + Http.encode(q));
            if (last.status() == 200 && last.json().get("total").asLong() > 0) {
                return last.json();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("search never returned results; last answer: " + last);
    }
}
