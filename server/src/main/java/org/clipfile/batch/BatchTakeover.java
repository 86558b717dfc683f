package org.clipfile.batch;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clipfile.audit.AuditLog;
import org.clipfile.collections.CollectionService;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.search.SearchParameters;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.web.SearchQueryStrings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes over batch searches whose server instance stopped, as imports are: every {@code takeover-interval} each
 * instance looks for queued or running batches whose runner has not written its progress (its heartbeat) for
 * {@code abandoned-after}, claims each with a write conditional on the version it read (of several instances, one
 * wins), counts the names already searched from the stored results and resumes with the pending ones. The claim is
 * in the audit ({@code batch-search.takeover}).
 */
@Component
class BatchTakeover implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(BatchTakeover.class);
    private static final int PER_SCAN = 20;

    private final BatchStore store;
    private final BatchRunner runner;
    private final BatchProperties properties;
    private final CollectionService collections;
    private final AuditLog audit;
    private final ScheduledExecutorService scans = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("batch-takeover").daemon().factory());
    private volatile boolean scheduled;

    BatchTakeover(BatchStore store, BatchRunner runner, BatchProperties properties, CollectionService collections,
            AuditLog audit) {
        this.store = store;
        this.runner = runner;
        this.properties = properties;
        this.collections = collections;
        this.audit = audit;
    }

    @Override
    public synchronized void indexReady(ArticleIndex index) {
        if (scheduled) {
            return;
        }
        scheduled = true;
        long every = properties.takeoverInterval().toMillis();
        scans.scheduleWithFixedDelay(() -> {
            try {
                scan(Instant.now());
            } catch (IOException | RuntimeException e) {
                log.warn("Looking for abandoned batch searches failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scans.shutdownNow();
    }

    /** Takes over what was abandoned before {@code now - abandoned-after}; returns how many batches it took. */
    int scan(Instant now) throws IOException {
        int taken = 0;
        for (SystemIndex.Versioned<BatchJob> read : store.abandoned(now.minus(properties.abandonedAfter()),
                PER_SCAN)) {
            BatchJob job = read.document();
            if (runner.isActive(job.id())) {
                continue; // waiting for a free slot on this very instance
            }
            long[] progress = store.progress(job.id());
            BatchJob claimed = job.running(runner.instance(), progress[0], progress[1]);
            if (!store.claim(read, claimed)) {
                continue; // another instance claimed it first, or its runner wrote meanwhile
            }
            log.info("Took over batch search {} from {} (last heard {}) at {} of {} names", job.id(), job.runner(),
                    job.heartbeatAt(), progress[0], job.namesTotal());
            audit.system("batch-search.takeover", job.id(), 200, progress[0], "from " + job.runner()
                    + " (last heard " + job.heartbeatAt() + "), " + progress[0] + " of " + job.namesTotal()
                    + " names searched, for " + job.owner());
            SearchParameters filters;
            try {
                filters = SearchQueryStrings.parse(job.query(), collection -> {
                    try {
                        return collections.articleIds(collection, job.owner(), false);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException e) {
                store.save(claimed.failed("Taken over from a stopped instance, but its filters no longer apply: "
                        + e.getMessage()), true);
                continue;
            }
            runner.start(claimed, filters);
            taken++;
        }
        return taken;
    }
}
