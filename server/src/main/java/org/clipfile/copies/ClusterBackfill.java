package org.clipfile.copies;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every article indexed before clusters existed its own cluster (its id), in the background at start-up:
 * {@code collapse} puts all documents without a value into one group, which would fold an upgraded archive into a
 * single hit. Partial updates by id in bulk (no scripts, which the minimal Elasticsearch lacks), page by page,
 * bounded by the first count. Such articles have no sketch until re-indexed, so new copies do not find them.
 */
@Component
public class ClusterBackfill implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(ClusterBackfill.class);
    private static final int PAGE = 1000;
    private static final Query WITHOUT_CLUSTER = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e
            .field("cluster")))));

    private final ArticleIndex articles;

    public ClusterBackfill(ArticleIndex articles) {
        this.articles = articles;
    }

    @Override
    public void indexReady(ArticleIndex index) {
        Thread.ofVirtual().name("cluster-backfill").start(() -> {
            try {
                long done = backfill(index.alias());
                if (done > 0) {
                    log.info("Gave {} articles indexed before clusters existed their own cluster", done);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not give older articles their cluster ({}); collapsed searches group them until "
                        + "the next start or a re-index", e.toString());
            }
        });
    }

    /** The number of articles updated. */
    public long backfill(String alias) throws IOException {
        long missing = articles.count(alias, WITHOUT_CLUSTER);
        long updated = 0;
        for (long page = 0; page < missing / PAGE + 3 && missing > 0; page++) {
            List<Hit<Void>> hits = articles.search(SearchRequest.of(s -> s.index(alias).size(PAGE)
                    .source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false)).query(WITHOUT_CLUSTER)),
                    Void.class).hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            BulkResponse response = articles.updateAll(hits.stream().map(hit -> new ArticleIndex.FieldsUpdate(
                    hit.index(), hit.id(), Map.<String, Object>of("cluster", hit.id()))).toList(), Refresh.WaitFor);
            for (var item : response.items()) {
                if (item.error() == null) {
                    updated++;
                } else {
                    log.warn("Could not give {} its cluster: {}", item.id(), item.error().reason());
                }
            }
        }
        return updated;
    }
}
