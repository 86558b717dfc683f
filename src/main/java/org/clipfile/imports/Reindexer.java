package org.clipfile.imports;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.clipfile.article.Article;
import org.clipfile.enrich.Enricher;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies the archive into a new index and moves the alias onto it: the path for a mapping change that cannot be
 * applied in place, and for applying alias-registry edits to articles already indexed. The entities stored with
 * each article are copied (or re-resolved against the registry), never recognised again. Elasticsearch's own
 * {@code _reindex} is absent from the minimal distribution, so this reads with a point in time and
 * {@code search_after} and writes with checked bulk requests. Searches keep using the old index until the alias
 * moves; articles written meanwhile are copied in a catch-up pass just before and after the move. The old index
 * is kept for a roll-back (delete it when satisfied).
 */
@Component
public class Reindexer implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final int PAGE = 1000;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A re-index run: {@code state} is running, completed or failed. */
    public record Status(String state, String from, String to, boolean registryApplied, long copied, long failed,
            List<String> failures, @Nullable Instant startedAt, @Nullable Instant finishedAt,
            double docsPerSecond, @Nullable String error) {}

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final Enricher enricher;
    private final ImportProperties properties;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>();

    Reindexer(ElasticsearchClient client, ArticleIndex index, Enricher enricher, ImportProperties properties) {
        this.client = client;
        this.index = index;
        this.enricher = enricher;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** At start-up: an index made from an older mapping than this server's is copied into a new one. */
    @Override
    public void indexReady(ArticleIndex ready) {
        try {
            if (ready.behindDefinition()) {
                log.info("The index behind {} has an older mapping than version {}; re-indexing in the background",
                        ready.alias(), ready.definition().version());
                start(false);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check the mapping version of {}: {}", ready.alias(), e.toString());
        }
    }

    public @Nullable Status status() {
        return status.get();
    }

    /** Starts a re-index in the background unless one is running; returns its first status. */
    public synchronized Status start(boolean applyRegistry) {
        Status current = status.get();
        if (current != null && current.state().equals("running")) {
            return current;
        }
        Status first = new Status("running", "", "", applyRegistry, 0, 0, List.of(), clock.instant(), null, 0, null);
        status.set(first);
        Thread.ofVirtual().name("reindex").start(() -> {
            try {
                status.set(run(applyRegistry));
            } catch (Exception e) {
                log.error("Re-index failed", e);
                Status last = status.get();
                status.set(new Status("failed", last.from(), last.to(), applyRegistry, last.copied(), last.failed(),
                        last.failures(), last.startedAt(), clock.instant(), 0, e.toString()));
            }
        });
        return first;
    }

    /** Runs a whole re-index in the calling thread. */
    public Status run(boolean applyRegistry) throws IOException, InterruptedException {
        Instant started = clock.instant();
        String alias = index.alias();
        String from = index.currentIndex();
        String versioned = index.definition().indexName(alias);
        String target = versioned.equals(from) || client.indices().exists(e -> e.index(versioned)).value()
                ? versioned + "-" + STAMP.format(started)
                : versioned;
        if (!index.definition().createUnaliased(client, target)) {
            throw new IllegalStateException(target + " exists already: another instance is re-indexing");
        }
        client.indices().putSettings(p -> p.index(target).settings(s -> s.refreshInterval(r -> r.time("-1"))));
        UnaryOperator<Article> change = applyRegistry
                ? a -> a.entities() == null ? a : a.withEntities(enricher.applyRegistry(a.entities()))
                : UnaryOperator.identity();
        AtomicLong copied = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> failures = new ArrayList<>();
        BulkWriter writer = new BulkWriter(client, target, properties.bulkOperations(),
                properties.bulkSize().toBytes(), properties.maxOutage(), new BulkWriter.Outcome() {
                    @Override
                    public void indexed(String document, boolean created) {
                        copied.incrementAndGet();
                    }

                    @Override
                    public void failed(String document, String reason) {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            if (failures.size() < 100) {
                                failures.add(document + ": " + reason);
                            }
                        }
                    }
                });
        log.info("Re-indexing {} into {}{}", from, target, applyRegistry ? " with the current alias registry" : "");
        try {
            copy(from, null, change, writer, copied, failed, started, target, applyRegistry);
            Instant beforeMove = clock.instant();
            // Articles written to the old index while it was copied.
            copy(from, since(started), change, writer, copied, failed, started, target, applyRegistry);
            writer.flush();
            client.indices().putSettings(p -> p.index(target).settings(s -> s.refreshInterval(r -> r.time("1s"))));
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                    .actions(a -> a.add(d -> d.index(target).alias(alias).isWriteIndex(true))));
            // Articles written in the moment between the catch-up and the move.
            copy(from, since(beforeMove), change, writer, copied, failed, started, target, applyRegistry);
            writer.finish();
        } catch (BulkWriter.OutageException e) {
            throw new IOException(e.getMessage(), e);
        }
        // The catch-up passes write again what was written during the copy (same ids, no duplicates): the
        // index's own count is the number of articles copied.
        long inTarget = client.count(c -> c.index(target)).count();
        Instant finished = clock.instant();
        double seconds = Math.max(0.001, Duration.between(started, finished).toMillis() / 1000.0);
        log.info("Re-indexed {} articles from {} into {} in {} s ({} failed); {} now points to {}. {} is kept for a "
                + "roll-back.", inTarget, from, target, seconds, failed.get(), alias, target, from);
        return new Status("completed", from, target, applyRegistry, inTarget, failed.get(), List.copyOf(failures),
                started, finished, Math.round(inTarget / seconds * 10) / 10.0, null);
    }

    private static Query since(Instant instant) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("ingested_at").gte(instant.minusSeconds(2).toString()))));
    }

    private void copy(String from, @Nullable Query filter, UnaryOperator<Article> change, BulkWriter writer,
            AtomicLong copied, AtomicLong failed, Instant started, String target, boolean applyRegistry)
            throws IOException, InterruptedException, BulkWriter.OutageException {
        String pit = client.openPointInTime(o -> o.index(from).keepAlive(k -> k.time("5m"))).id();
        try {
            List<FieldValue> after = List.of();
            while (true) {
                List<FieldValue> position = after;
                String currentPit = pit;
                SearchResponse<Article> page = client.search(s -> {
                    s.pit(p -> p.id(currentPit).keepAlive(k -> k.time("5m"))).size(PAGE)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                            .trackTotalHits(t -> t.enabled(false));
                    if (filter != null) {
                        s.query(filter);
                    }
                    if (!position.isEmpty()) {
                        s.searchAfter(position);
                    }
                    return s;
                }, Article.class);
                List<Hit<Article>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                for (Hit<Article> hit : hits) {
                    writer.add(hit.id(), change.apply(hit.source()));
                }
                pit = page.pitId() == null ? pit : page.pitId();
                after = hits.getLast().sort();
                status.set(new Status("running", from, target, applyRegistry, copied.get(), failed.get(), List.of(),
                        started, null, 0, null));
            }
        } finally {
            String used = pit;
            client.closePointInTime(c -> c.id(used));
        }
    }
}
