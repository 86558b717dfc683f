package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clipfile.article.Article;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Finding 11: Elasticsearch answers 429 to writes on a full disk (its read-only-allow-delete block, set here by
 * hand), which never passes; an import retried such items forever, kept its heartbeat and held the single import
 * thread (here it waited until Elasticsearch's next disk check lifted the block). Now a batch that makes no
 * progress for {@code max-outage} ends the import.
 */
class BulkWriterBusyIntegrationTests {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldGiveUpOnWritesRefusedWith429ForLongerThanTheMaxOutage() throws Exception {
        ElasticsearchClient client = TestElasticsearch.client();
        String index = "it-bulk-disk-full";
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        client.indices().create(c -> c.index(index).settings(s -> s.numberOfReplicas("0")));
        // Elasticsearch lifts this block by itself at its next disk check when the disk is fine: check rarely
        // during the test, and keep setting it.
        client.cluster().putSettings(c -> c.persistent("cluster.info.update.interval",
                co.elastic.clients.json.JsonData.of("1h")));
        block(client, index);
        Thread keeper = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    block(client, index);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the index is being deleted at the end
                }
            }
        });
        List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            // Elasticsearch's disk check may lift the block in the moment before the keeper sets it again (a check
            // scheduled before the interval was raised): a write that lands then is accepted. Up to three attempts,
            // each with a new writer; one must end the import with the 429.
            Throwable thrown = null;
            Duration took = Duration.ZERO;
            for (int attempt = 0; attempt < 3 && !(thrown instanceof BulkWriter.OutageException); attempt++) {
                BulkWriter writer = new BulkWriter(client, index, 10, 5L << 20, Duration.ofSeconds(3),
                        new BulkWriter.Outcome() {
                            @Override
                            public void indexed(String document, boolean created) {}

                            @Override
                            public void failed(String document, String reason) {
                                failed.add(reason);
                            }
                        });
                int round = attempt;
                long started = System.nanoTime();
                thrown = catchThrowable(() -> {
                    for (int i = 0; i < 5; i++) {
                        writer.add("doc " + i, new Article("full-" + round + "-" + i, "Title " + i, "Body " + i + ".",
                                Instant.parse("2024-05-01T00:00:00Z"), "Test Wire", null, null, List.of(), null, "en",
                                Instant.now(), "hash-" + i, null));
                    }
                    writer.finish();
                });
                took = Duration.ofNanos(System.nanoTime() - started);
            }
            assertThat(thrown).as("documents refused for good: %s", failed)
                    .isInstanceOf(BulkWriter.OutageException.class).hasMessageContaining("429");
            assertThat(took).isLessThan(Duration.ofSeconds(60));
        } finally {
            keeper.interrupt();
            keeper.join();
            client.indices().delete(d -> d.index(index));
            client.cluster().putSettings(c -> c.persistent("cluster.info.update.interval",
                    co.elastic.clients.json.JsonData.of("30s"))); // the default
        }
    }

    private static void block(ElasticsearchClient client, String index) throws java.io.IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.readOnlyAllowDelete(true))));
    }
}
