package org.clipfile.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.clipfile.article.Article;

/**
 * The benchmark's door to Clipfile's own bulk writer (package-private in production): writes already enriched
 * articles exactly as an import's writer stage does, with the import's default batch limits.
 */
public final class BenchBulkWriter {
    private BenchBulkWriter() {}

    /** Writes every article into {@code index} and refreshes it; returns {indexed, failed}. */
    public static long[] write(ElasticsearchClient client, String index, List<Article> articles) throws Exception {
        AtomicLong indexed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        BulkWriter writer = new BulkWriter(client, index, 500, 5L << 20, Duration.ofMinutes(1), new BulkWriter.Outcome() {
            @Override
            public void indexed(String document, boolean created) {
                indexed.incrementAndGet();
            }

            @Override
            public void failed(String document, String reason) {
                failed.incrementAndGet();
            }
        });
        for (Article article : articles) {
            writer.add(article.id(), article);
        }
        writer.finish();
        return new long[] {indexed.get(), failed.get()};
    }
}
