package org.clipfile.localnode;

/** Something to wait for before the first request to Elasticsearch: the local node's startup. */
@FunctionalInterface
public interface ElasticsearchReadiness {
    void await();
}
