package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clipfile.article.Article;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The import's bulk writer on a real Elasticsearch: with one request in flight while the next batch is built,
 * every document is accounted for exactly once, and a partly filled batch is written once its first document has
 * waited {@link BulkWriter#MAX_BATCH_AGE} (what a re-index's catch-up relies on).
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-bulk-writer")
class BulkWriterIntegrationTests extends ArchiveServerTest {
    @Autowired
    ElasticsearchClient client;

    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong superseded = new AtomicLong();

    private BulkWriter writer(int maxOperations) {
        return new BulkWriter(client, index.alias(), maxOperations, 5L << 20, Duration.ofMinutes(1),
                new BulkWriter.Outcome() {
                    @Override
                    public void indexed(String document, boolean created) {
                        indexed.incrementAndGet();
                    }

                    @Override
                    public void failed(String document, String reason) {
                        failed.incrementAndGet();
                    }

                    @Override
                    public void superseded(String document) {
                        superseded.incrementAndGet();
                    }
                });
    }

    private static Article article(String id) {
        return new Article(id, "Report " + id, "Body of report " + id + ".", Instant.parse("2024-05-01T00:00:00Z"),
                "Test Wire", null, null, List.of(), null, "en", Instant.now(), id + "-hash", null);
    }

    private static Article titled(String id, String title) {
        return new Article(id, title, "Body of report " + id + ".", Instant.parse("2024-05-01T00:00:00Z"),
                "Test Wire", null, null, List.of(), null, "en", Instant.now(), id + "-hash", null);
    }

    private long countWithPrefix(String prefix) throws IOException {
        client.indices().refresh(r -> r.index(index.alias()));
        return client.count(c -> c.index(index.alias()).query(q -> q.prefix(p -> p.field("id").value(prefix))))
                .count();
    }

    @Test
    void shouldAccountForEveryDocumentOnceWhileBatchesOverlap() throws Exception {
        BulkWriter writer = writer(100);
        for (int i = 0; i < 1_234; i++) {
            writer.add("doc " + i, article("overlap-" + i));
        }
        writer.finish();

        assertThat(indexed.get()).isEqualTo(1_234);
        assertThat(failed.get()).isZero();
        assertThat(countWithPrefix("overlap-")).isEqualTo(1_234);
    }

    @Test
    void shouldWriteAPartlyFilledBatchOnceItsFirstDocumentHasWaitedTooLong() throws Exception {
        BulkWriter writer = writer(500);
        writer.add("first", article("aged-1"));
        writer.flushIfOld();
        assertThat(countWithPrefix("aged-")).as("a fresh batch waits for more documents").isZero();

        Thread.sleep(BulkWriter.MAX_BATCH_AGE.toMillis() + 200);
        writer.flushIfOld();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (countWithPrefix("aged-") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(countWithPrefix("aged-")).as("written before the batch filled or the writer finished")
                .isEqualTo(1);
        writer.finish();
        assertThat(indexed.get()).isEqualTo(1);
    }

    @Test
    void shouldNotOverwriteAnArticleWrittenAgainSinceItWasReadWhenWritingIfUnchanged() throws Exception {
        index.saveAll(List.of(article("cond-1"), article("cond-2")), true);
        var read = client.get(g -> g.index(index.alias()).id("cond-1"), Article.class);
        var readToo = client.get(g -> g.index(index.alias()).id("cond-2"), Article.class);
        // Someone else writes cond-1 again after it was read.
        index.saveAll(List.of(titled("cond-1", "Newer report")), true);

        BulkWriter writer = writer(100);
        writer.addIfUnchanged("cond-1", titled("cond-1", "Stale rewrite"),
                new BulkWriter.Expected(read.seqNo(), read.primaryTerm()));
        writer.addIfUnchanged("cond-2", titled("cond-2", "Fresh rewrite"),
                new BulkWriter.Expected(readToo.seqNo(), readToo.primaryTerm()));
        writer.finish();

        assertThat(superseded.get()).isEqualTo(1);
        assertThat(failed.get()).isZero();
        assertThat(indexed.get()).isEqualTo(1);
        assertThat(client.get(g -> g.index(index.alias()).id("cond-1"), Article.class).source().title())
                .isEqualTo("Newer report");
        assertThat(client.get(g -> g.index(index.alias()).id("cond-2"), Article.class).source().title())
                .isEqualTo("Fresh rewrite");
    }

    @Test
    void shouldCheckAnArticleAgainWhenItsStoredCopyChangedBetweenTheCheckAndTheWrite() throws Exception {
        index.saveAll(List.of(titled("race-1", "Stored")), true);
        AtomicInteger checks = new AtomicInteger();
        // As the import's check does: the stored copy's labels are carried over, and the write is conditional on
        // the version read.
        BulkWriter writer = writer(100).checking(batch -> {
            List<BulkWriter.Checked> checked = new ArrayList<>();
            for (Article article : batch) {
                var stored = client.get(g -> g.index(index.alias()).id(article.id()), Article.class);
                if (checks.incrementAndGet() == 1) {
                    // An editor's label lands after the check read the stored article, before the write.
                    index.saveAll(List.of(titled(article.id(), "Stored").withLabels(List.of("checked"))), true);
                }
                checked.add(new BulkWriter.Checked(article.withLabels(stored.source().labels()), null,
                        new BulkWriter.Expected(stored.seqNo(), stored.primaryTerm())));
            }
            return checked;
        });
        writer.add("race-1", titled("race-1", "From the source"));
        writer.finish();

        assertThat(checks.get()).as("checked again after the conflict").isEqualTo(2);
        assertThat(indexed.get()).isEqualTo(1);
        assertThat(failed.get()).isZero();
        assertThat(superseded.get()).isZero();
        Article written = client.get(g -> g.index(index.alias()).id("race-1"), Article.class).source();
        assertThat(written.title()).isEqualTo("From the source");
        assertThat(written.labels()).as("the editor's label is not lost").containsExactly("checked");
    }
}
