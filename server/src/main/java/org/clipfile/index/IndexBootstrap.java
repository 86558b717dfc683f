package org.clipfile.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.time.Duration;
import java.util.List;
import org.clipfile.localnode.ElasticsearchReadiness;
import org.clipfile.localnode.LocalNodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prepares the index once the server is up, in the background: the server answers (with 503 and an unhealthy
 * status) while Elasticsearch is still starting or unreachable, and the index appears as soon as it can.
 */
@Component
class IndexBootstrap {
    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ArticleIndex index;
    private final ObjectProvider<ElasticsearchReadiness> readiness;
    private final List<IndexReadyListener> listeners;

    IndexBootstrap(ArticleIndex index, ObjectProvider<ElasticsearchReadiness> readiness,
            List<IndexReadyListener> listeners) {
        this.index = index;
        this.readiness = readiness;
        this.listeners = listeners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareInBackground() {
        Thread.ofVirtual().name("index-bootstrap").start(this::prepare);
    }

    void prepare() {
        try {
            readiness.ifAvailable(ElasticsearchReadiness::await);
        } catch (LocalNodeException e) {
            log.error("The local Elasticsearch failed; the archive stays unavailable until the server is restarted",
                    e);
            return;
        }
        Duration backoff = Duration.ofMillis(500);
        int ready = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                index.ensureExists();
                while (ready < listeners.size()) {
                    // A listener that succeeded is never called again: it may have started threads of its own.
                    listeners.get(ready).indexReady(index);
                    ready++;
                }
                return;
            } catch (ElasticsearchException e) {
                log.error("Elasticsearch refused the article index {}: {}; retrying in {} ms", index.indexName(),
                        e.response(), backoff.toMillis());
            } catch (Exception e) {
                log.warn("Elasticsearch is not ready for the article index ({}); retrying in {} ms",
                        e.toString(), backoff.toMillis());
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
