package org.clipfile.estransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blocking transport on the real Elasticsearch of the tests: error answers become the same client exceptions
 * as through the Rest5 transport, a node refusing connections is passed over, and no connection is left leased.
 */
class BlockingTransportIntegrationTests {
    private static final String INDEX = "it-transport-" + UUID.randomUUID().toString().substring(0, 8);
    private static BlockingHttpClient http;
    private static ElasticsearchClient client;

    @BeforeAll
    static void createIndex() throws IOException {
        http = TestTransports.httpClient(List.of(TestElasticsearch.uri()), null, null, 100L << 20);
        client = TestTransports.client(http);
        client.indices().create(c -> c.index(INDEX));
        client.index(i -> i.index(INDEX).id("1").document(Map.of("title", "Grain ships leave Portland"))
                .refresh(Refresh.True));
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        client.indices().delete(d -> d.index(INDEX));
        http.close();
    }

    @Test
    void shouldMapErrorAnswersToTheSameExceptionsAsTheRest5Transport() {
        ElasticsearchClient rest5 = TestElasticsearch.client();
        for (ElasticsearchClient each : List.of(client, rest5)) {
            ElasticsearchException missing = catchThrowableOfType(ElasticsearchException.class,
                    () -> each.get(g -> g.index(INDEX + "-absent").id("1"), Map.class));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error().type()).isEqualTo("index_not_found_exception");

            ElasticsearchException conflict = catchThrowableOfType(ElasticsearchException.class,
                    () -> each.create(c -> c.index(INDEX).id("1").document(Map.of("title", "again"))));
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.error().type()).isEqualTo("version_conflict_engine_exception");

            ElasticsearchException badCursor = catchThrowableOfType(ElasticsearchException.class,
                    () -> each.scroll(s -> s.scrollId("not-a-cursor").scroll(t -> t.time("1m")), Map.class));
            assertThat(badCursor.status()).isEqualTo(400);
        }
    }

    @Test
    void shouldAnswerSearchesGetsAndExistenceChecks() throws IOException {
        assertThat(client.search(s -> s.index(INDEX).query(q -> q.match(m -> m.field("title").query("grain"))),
                Map.class).hits().total().value()).isEqualTo(1);
        assertThat(client.get(g -> g.index(INDEX).id("1"), Map.class).source())
                .containsEntry("title", "Grain ships leave Portland");
        assertThat(client.exists(e -> e.index(INDEX).id("1")).value()).isTrue();
        assertThat(client.exists(e -> e.index(INDEX).id("2")).value()).isFalse();
        assertThat(client.indices().exists(e -> e.index(INDEX + "-absent")).value()).isFalse();
    }

    @Test
    void shouldFailOverWhenOneOfTwoNodesRefusesConnections() throws IOException {
        URI refusing = URI.create("http://127.0.0.1:" + freePort());
        try (BlockingHttpClient twoNodes = TestTransports.httpClient(List.of(refusing, TestElasticsearch.uri()), null,
                null, 100L << 20)) {
            ElasticsearchClient failover = TestTransports.client(twoNodes);
            for (int i = 0; i < 20; i++) {
                assertThat(failover.count(c -> c.index(INDEX)).count()).isEqualTo(1);
            }
            assertThat(twoNodes.nodes().isDead(refusing)).isTrue();
            assertThat(twoNodes.leasedConnections()).isZero();
        }
    }

    @Test
    void shouldReturnEveryConnectionAfterThousandsOfRequestsWithErrorAnswers() throws IOException {
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            try {
                switch (i % 4) {
                    case 0 -> client.search(s -> s.index(INDEX), Map.class);
                    case 1 -> client.get(g -> g.index(INDEX + "-absent").id("1"), Map.class);
                    case 2 -> client.create(c -> c.index(INDEX).id("1").document(Map.of("title", "again")));
                    default -> client.exists(e -> e.index(INDEX).id("missing"));
                }
            } catch (ElasticsearchException e) {
                errors++;
            }
        }
        assertThat(errors).isEqualTo(1500);
        assertThat(http.leasedConnections()).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
