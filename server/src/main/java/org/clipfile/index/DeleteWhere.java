package org.clipfile.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;

/**
 * Deletes every document matching a query, by id in bulk, page by page until none is left: the minimal
 * Elasticsearch has no {@code _delete_by_query}. Bounded: it stops after as many pages as the first count needs (and
 * a few more for documents written meanwhile). For the gateways ({@link ArticleIndex}, the system indices).
 */
public final class DeleteWhere {
    private static final int PAGE = 1000;

    private DeleteWhere() {}

    /** The number of documents deleted from {@code indices} (missing indices count as empty). */
    public static long run(ElasticsearchClient client, String indices, Query query) throws IOException {
        long initial = client.count(c -> c.index(indices).query(query).ignoreUnavailable(true)
                .allowNoIndices(true)).count();
        long maxPages = initial / PAGE + 5;
        long removed = 0;
        for (long page = 0; page < maxPages; page++) {
            SearchResponse<Void> found = client.search(s -> s.index(indices).ignoreUnavailable(true)
                    .allowNoIndices(true).size(PAGE).source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false)).query(query), Void.class);
            List<Hit<Void>> hits = found.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            BulkResponse response = client.bulk(b -> {
                b.refresh(Refresh.WaitFor);
                for (Hit<Void> hit : hits) {
                    b.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id())));
                }
                return b;
            });
            for (var item : response.items()) {
                if (item.error() != null) {
                    throw new IOException("Could not delete " + item.id() + " from " + item.index() + ": "
                            + item.error().reason());
                }
                if ("deleted".equals(item.result())) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
