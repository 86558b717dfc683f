package org.clipfile.testsupport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.clipfile.localnode.LocalElasticsearch;

/**
 * The real Elasticsearch that integration tests run against: one per test JVM, started on first use and stopped
 * when the JVM exits. {@code CLIPFILE_TEST_ELASTICSEARCH_URI} (or the system property
 * {@code clipfile.test.elasticsearch-uri}) points the tests at an existing cluster instead.
 */
public final class TestElasticsearch {
    private static URI uri;
    private static ElasticsearchClient client;

    private TestElasticsearch() {}

    public static synchronized URI uri() {
        if (uri == null) {
            String external = System.getProperty("clipfile.test.elasticsearch-uri",
                    System.getenv("CLIPFILE_TEST_ELASTICSEARCH_URI"));
            uri = external != null && !external.isBlank() ? URI.create(external) : startLocal();
        }
        return uri;
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            Rest5Client rest = Rest5Client.builder(uri()).build();
            client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        }
        return client;
    }

    /** The distribution the build unpacked (and installed the analysis plugin into). */
    public static Path distribution() {
        String home = System.getProperty("clipfile.test.elasticsearch-home");
        return home != null ? Paths.get(home) : Paths.get("target/elasticsearch/elasticsearch-9.5.3");
    }

    /** A fresh, empty folder under {@code target/} for a test's own node. */
    public static Path freshWorkDir(String name) {
        Path dir = Paths.get("target", "test-elasticsearch", name).toAbsolutePath();
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static LocalElasticsearch.Settings settings(Path workDir, long ownerPid) {
        return new LocalElasticsearch.Settings(distribution(), workDir, 0, "512m", "nobody",
                Duration.ofMinutes(3), ownerPid);
    }

    private static URI startLocal() {
        LocalElasticsearch node = new LocalElasticsearch(settings(freshWorkDir("shared"), ProcessHandle.current()
                .pid()));
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "test-elasticsearch-stop"));
        node.awaitReady();
        return node.httpUri();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
