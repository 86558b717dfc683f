package org.clipfile.localnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.time.Duration;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Assumptions;
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

    /**
     * Finding 3 (and 16): the node's folder belongs to the node's account, which can plant links in it. Started as
     * root, the server used to hand a linked file to that account ({@code chown} followed links) and write its JVM
     * options through a linked file; its data was readable by every local user; the node's password went to a
     * tool on its command line.
     */
    @Test
    void shouldFollowNoLinkPlantedInTheNodesFolderWhenStartedAsRoot() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "the attack needs the server to run as root, and this test JVM does not");
        Path outside = TestElasticsearch.freshWorkDir("links-outside");
        Path stolen = Files.writeString(outside.resolve("root-secret"), "root's secret");
        Path overwritten = Files.writeString(outside.resolve("root-config"), "root's configuration");
        Path workDir = TestElasticsearch.freshWorkDir("links");
        Path config = workDir.resolve("config");
        try (Stream<Path> files = Files.walk(TestElasticsearch.distribution().resolve("config"))) {
            Path from = TestElasticsearch.distribution().resolve("config");
            for (Path file : files.toList()) {
                Path to = config.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        Files.createDirectories(workDir.resolve("data"));
        Files.createDirectories(config.resolve("jvm.options.d"));
        Files.createSymbolicLink(workDir.resolve("data/loot"), stolen);
        Files.createSymbolicLink(config.resolve("jvm.options.d/clipfile.options"), overwritten);
        var base = TestElasticsearch.settings(workDir, ProcessHandle.current().pid());
        LocalElasticsearch node = new LocalElasticsearch(new LocalElasticsearch.Settings(base.home(), workDir,
                0, base.heap(), base.runAsUser(), base.startupTimeout(), base.ownerPid(), true));
        try {
            node.start();
            node.awaitReady();

            assertThat(Files.getOwner(stolen).getName()).as("the linked file's owner").isEqualTo("root");
            assertThat(Files.readString(overwritten)).isEqualTo("root's configuration");
            assertThat(Files.isSymbolicLink(config.resolve("jvm.options.d/clipfile.options"))).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workDir)))
                    .as("the node's data is not readable by other accounts").endsWith("---");
            assertThat(Files.readString(config.resolve("users"))).startsWith("clipfile:$2")
                    .doesNotContain(node.credentials().password());
        } finally {
            node.close();
        }
    }

    private static int status(LocalElasticsearch node) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(node.httpUri().resolve("/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
