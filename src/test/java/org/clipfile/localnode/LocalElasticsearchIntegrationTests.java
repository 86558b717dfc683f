package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** The node's life cycle as a process: what happens when its owner dies without a word. */
class LocalElasticsearchIntegrationTests {

    @Test
    void shouldStopTheNodeWhenTheOwningProcessIsKilled() throws Exception {
        Process owner = new ProcessBuilder("sleep", "600").start();
        Path workDir = TestElasticsearch.freshWorkDir("watchdog");
        LocalElasticsearch node = new LocalElasticsearch(TestElasticsearch.settings(workDir, owner.pid()));
        try {
            node.start();
            node.awaitReady();
            assertThat(status(node)).isEqualTo(200);

            owner.destroyForcibly().waitFor();

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (node.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(node.isRunning()).as("node stopped after its owner was killed").isFalse();
            assertThatThrownBy(() -> status(node)).isInstanceOf(ConnectException.class);
        } finally {
            node.close();
            owner.destroyForcibly();
        }
    }

    @Test
    void shouldExplainAMissingDistribution() {
        var settings = TestElasticsearch.settings(TestElasticsearch.freshWorkDir("missing"), 1);
        var missing = new LocalElasticsearch(new LocalElasticsearch.Settings(Path.of("/nonexistent/es"),
                settings.workDir(), 0, "256m", "nobody", Duration.ofSeconds(5), 1));

        assertThatThrownBy(missing::start)
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("No Elasticsearch distribution at /nonexistent/es")
                .hasMessageContaining("spring.elasticsearch.uris");
    }

    private static int status(LocalElasticsearch node) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(node.httpUri().resolve("/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
