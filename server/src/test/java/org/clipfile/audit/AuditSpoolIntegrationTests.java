package org.clipfile.audit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.clipfile.index.IndexProperties;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Finding 17: audit events waiting for an unreachable Elasticsearch lived only in memory, so a crash during an
 * outage lost them. They now wait on disk and reach Elasticsearch on the next start.
 */
class AuditSpoolIntegrationTests {
    @TempDir
    Path spoolDir;

    private AuditProperties properties() {
        return new AuditProperties(Duration.ofDays(365), 100, 50, Duration.ofMillis(100), Duration.ofMillis(100),
                spoolDir, DataSize.ofMegabytes(1));
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(Instant.now(), "spool-test", "reader", "api_key", null, "search", "GET", "/api/search",
                "outage " + i, "q=outage", null, 200, 1L, "127.0.0.1", null, null);
    }

    @Test
    void shouldKeepEventsOnDiskWhileElasticsearchIsUnreachableAndSendThemOnTheNextStart() throws Exception {
        Path pending = spoolDir.resolve("pending.ndjson");
        Rest5Client deadRest = Rest5Client.builder(URI.create("http://127.0.0.1:9")).build();
        ElasticsearchClient dead = new ElasticsearchClient(new Rest5ClientTransport(deadRest,
                new Jackson3JsonpMapper()));
        String alias = "it-audit-spool";
        AuditLog down = new AuditLog(new AuditStore(dead, new IndexProperties(alias)), properties());
        down.storeReady();
        down.start();
        try {
            for (int i = 0; i < 3; i++) {
                down.record(event(i));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((!Files.exists(pending) || Files.readAllLines(pending).size() < 3)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // The writer still runs: a crash now would lose nothing.
            assertThat(down.isRunning()).isTrue();
            assertThat(Files.readAllLines(pending)).hasSize(3).allMatch(line -> line.contains("spool-test"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pending))).isEqualTo("rw-------");
        } finally {
            down.stop();
            deadRest.close();
        }

        ElasticsearchClient es = TestElasticsearch.client();
        AuditStore store = new AuditStore(es, new IndexProperties(alias));
        AuditLog up = new AuditLog(store, properties());
        up.storeReady();
        up.start();
        try {
            long found = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                if (es.indices().exists(e -> e.index(store.pattern())).value()) {
                    es.indices().refresh(r -> r.index(store.pattern()));
                    found = es.count(c -> c.index(store.pattern())
                            .query(q -> q.term(t -> t.field("user").value("spool-test")))).count();
                }
            }
            assertThat(found).isEqualTo(3);
            assertThat(pending).as("sent, so removed").doesNotExist();
        } finally {
            up.stop();
            for (String index : es.indices().get(g -> g.index(store.pattern())).indices().keySet()) {
                es.indices().delete(d -> d.index(index));
            }
        }
    }
}
