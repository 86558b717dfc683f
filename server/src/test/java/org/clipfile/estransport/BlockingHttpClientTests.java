package org.clipfile.estransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking transport against small real HTTP servers standing in for Elasticsearch nodes. */
class BlockingHttpClientTests {
    private static final String COUNT = "{\"count\": 3, \"_shards\": {\"total\": 1, \"successful\": 1, "
            + "\"skipped\": 0, \"failed\": 0}}";
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<Headers> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void shouldSendBasicAuthorizationAndAskForNoCompression() throws IOException {
        URI node = node(200, COUNT, new AtomicInteger());
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(node), "clipfile", "s3cret", 1 << 20)) {
            assertThat(TestTransports.client(http).count().count()).isEqualTo(3);
        }
        Headers headers = received.getFirst();
        assertThat(headers.getFirst("Authorization")).isEqualTo("Basic Y2xpcGZpbGU6czNjcmV0");
        assertThat(headers.containsKey("Accept-encoding")).isFalse();
        assertThat(headers.getFirst("Accept")).startsWith("application/vnd.elasticsearch+json");
    }

    @Test
    void shouldSendNoAuthorizationWithoutAUser() throws IOException {
        URI node = node(200, COUNT, new AtomicInteger());
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(node), null, null, 1 << 20)) {
            TestTransports.client(http).count();
        }
        assertThat(received.getFirst().containsKey("Authorization")).isFalse();
    }

    @Test
    void shouldTryTheNextNodeWhenOneRefusesConnections() throws IOException {
        URI refusing = URI.create("http://127.0.0.1:" + freePort());
        AtomicInteger answered = new AtomicInteger();
        URI live = node(200, COUNT, answered);
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(refusing, live), null, null, 1 << 20)) {
            ElasticsearchClient client = TestTransports.client(http);
            for (int i = 0; i < 10; i++) {
                assertThat(client.count().count()).isEqualTo(3);
            }
            assertThat(answered).hasValue(10);
            assertThat(http.nodes().isDead(refusing)).isTrue();
            assertThat(http.leasedConnections()).isZero();
        }
    }

    @Test
    void shouldTryTheNextNodeWhenOneAnswersUnavailable() throws IOException {
        AtomicInteger unavailableCalls = new AtomicInteger();
        URI unavailable = node(503, "{\"error\": {\"type\": \"x\", \"reason\": \"busy\"}, \"status\": 503}",
                unavailableCalls);
        URI live = node(200, COUNT, new AtomicInteger());
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(unavailable, live), null, null, 1 << 20)) {
            ElasticsearchClient client = TestTransports.client(http);
            for (int i = 0; i < 4; i++) {
                assertThat(client.count().count()).isEqualTo(3);
            }
            assertThat(unavailableCalls).hasValue(1);
        }
    }

    @Test
    void shouldGiveTheLastNodesErrorAnswerAsTheClientsException() throws IOException {
        URI node = node(429, "{\"error\": {\"type\": \"es_rejected_execution_exception\", \"reason\": \"full\"}, "
                + "\"status\": 429}", new AtomicInteger());
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(node), null, null, 1 << 20)) {
            assertThatThrownBy(() -> TestTransports.client(http).count())
                    .isInstanceOfSatisfying(ElasticsearchException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.error().type()).isEqualTo("es_rejected_execution_exception");
                    });
            assertThat(http.leasedConnections()).isZero();
        }
    }

    @Test
    void shouldFailWhenEveryNodeRefusesConnections() throws IOException {
        List<URI> nodes = List.of(URI.create("http://127.0.0.1:" + freePort()),
                URI.create("http://127.0.0.1:" + freePort()));
        try (BlockingHttpClient http = TestTransports.httpClient(nodes, null, null, 1 << 20)) {
            assertThatThrownBy(() -> TestTransports.client(http).count()).isInstanceOf(java.net.ConnectException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        }
    }

    @Test
    void shouldRefuseAnAnswerOverTheSizeLimit() throws IOException {
        URI node = node(200, COUNT + " ".repeat(5000), new AtomicInteger());
        try (BlockingHttpClient http = TestTransports.httpClient(List.of(node), null, null, 2048)) {
            assertThatThrownBy(() -> TestTransports.client(http).count()).isInstanceOf(IOException.class)
                    .hasMessageContaining("over the limit");
            assertThat(http.leasedConnections()).isZero();
        }
    }

    private URI node(int status, String body, AtomicInteger calls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            received.add(exchange.getRequestHeaders());
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
