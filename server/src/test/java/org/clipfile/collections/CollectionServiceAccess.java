package org.clipfile.collections;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexProperties;
import org.clipfile.sysindex.SystemIndices;

/** Builds a {@link CollectionService} outside Spring, for benchmarks in other packages. */
public final class CollectionServiceAccess {
    private CollectionServiceAccess() {}

    public static CollectionService create(ElasticsearchClient client, ArticleIndex articles,
            IndexProperties index) throws IOException {
        CollectionService service = new CollectionService(articles, new SystemIndices(client, index),
                new CollectionProperties(10_000, 10_000));
        service.indexReady(articles);
        return service;
    }
}
