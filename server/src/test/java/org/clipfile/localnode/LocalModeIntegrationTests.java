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
            JsonNode result = awaitSearch(http, "raid", 1);
            assertThat(result.get("hits").get(0).get("source").asString()).isEqualTo("Clipfile samples (fictional)");
            // Eight samples; a periodic refresh may show part of their bulk request first.
            firstTotal = awaitSearch(http, "", 8).get("total").asLong();
            assertThat(firstTotal).isEqualTo(8);
            LocalElasticsearch node = app.getBean(LocalElasticsearch.class);
            nodeProcesses = node.processes();
            assertThat(nodeProcesses).hasSizeGreaterThanOrEqualTo(3);
            assertSecured(node);
            // An export opens and closes a point in time: the server's role on the node must allow both.
            Http.Response export = http.get("/api/export?format=ndjson&q=raid");
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body().lines().count()).as(export.body()).isGreaterThanOrEqualTo(2);
        }

        assertThat(nodeProcesses).as("the node's processes are gone after the server stopped")
                .noneMatch(ProcessHandle::isAlive);

        try (ConfigurableApplicationContext app = start(dataDir)) {
            JsonNode result = awaitSearch(new Http(port(app)), "", 1);
            assertThat(result.get("total").asLong()).as("same articles, samples not loaded twice").isEqualTo(firstTotal);
        }
    }

    /**
     * Security is on by default: the node refuses calls without credentials, and the server got through with the
     * generated ones, which only the server's account may read.
     */
    private static void assertSecured(LocalElasticsearch node) throws Exception {
        assertThat(node.credentials()).isNotNull();
        assertThat(java.nio.file.Files.getPosixFilePermissions(node.credentialsFile()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(java.nio.file.Files.readString(node.credentialsFile())).contains(node.credentials().password());
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var health = java.net.URI.create(node.httpUri() + "/_cluster/health");
            var anonymous = client.send(java.net.http.HttpRequest.newBuilder(health).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("Elasticsearch refuses calls without credentials").isEqualTo(401);
            var signedIn = client.send(java.net.http.HttpRequest.newBuilder(health)
                            .header("Authorization", node.credentials().basicAuthorization()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(200);
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
    private static JsonNode awaitSearch(Http http, String q, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            last = http.get("/api/search?q=" + Http.encode(q));
            if (last.status() == 200 && last.json().get("total").asLong() >= atLeast) {
                return last.json();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("search never returned results; last answer: " + last);
    }
}
