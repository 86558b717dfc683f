package org.clipfile.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.clipfile.article.Article;
import org.clipfile.enrich.Enricher;
import org.clipfile.entity.Enrichment;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.curation.CurationEdits;
import org.clipfile.enrich.curation.Curation;
import org.clipfile.enrich.catalogue.EntityLinks;
import org.clipfile.enrich.catalogue.EntityProperties;
import org.clipfile.index.ArticleDocument;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.BulkWriter;
import org.clipfile.index.EntitiesRelinked;
import org.clipfile.index.IndexMoved;
import org.clipfile.index.IndexReadyListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);
    /** How often an instance looks whether enough new articles came in to relink. */
    private static final Duration TRICKLE_CHECK = Duration.ofMinutes(5);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    /** How a run brings the indexed articles up to date. */
    public enum Mode {
        /** Every article copied into a new index and the alias moved onto it: a mapping change, registry edits. */
        copy,
        /**
         * Links across the archive decided again, and only the articles whose entities change written again, in
         * the live index (each only if nothing else wrote it since it was read): after a large import, and to
         * apply editors' curation edits.
         */
        relink
    }

    /**
     * A re-index run: {@code state} is running, completed or failed; {@code examined} articles read, {@code copied}
     * written (a relink writes only those whose entities change; {@code to} is then {@code from});
     * {@code heartbeat_at} is when its server instance ({@code owner}) last reported.
     */
    public record Status(String id, String state, String from, String to, Mode mode,
            @JsonProperty("registry_applied") boolean registryApplied, long examined, long copied, long failed,
            List<String> failures, @JsonProperty("started_at") @Nullable Instant startedAt,
            @JsonProperty("finished_at") @Nullable Instant finishedAt,
            @JsonProperty("docs_per_second") double docsPerSecond, @Nullable String error,
            @JsonProperty("heartbeat_at") @Nullable Instant heartbeatAt, @Nullable String owner) {

        Status progress(long nowExamined, long nowCopied, long nowFailed, List<String> nowFailures, Instant now) {
            return new Status(id, "running", from, to, mode, registryApplied, nowExamined, nowCopied, nowFailed,
                    nowFailures, startedAt, null, rate(nowExamined, startedAt, now), null, now, owner);
        }

        Status ended(String endState, long nowExamined, long nowCopied, long nowFailed, List<String> nowFailures,
                Instant now, @Nullable String endError) {
            return new Status(id, endState, from, to, mode, registryApplied, nowExamined, nowCopied, nowFailed,
                    nowFailures, startedAt, now, endError == null ? rate(nowExamined, startedAt, now) : 0, endError,
                    now, owner);
        }
    }

    private final ArticleIndex index;
    private final Enricher enricher;
    private final EntityCatalogueService catalogue;
    private final CurationEdits curationEdits;
    private final EntityProperties entities;
    private final ImportProperties properties;
    private final ReindexRunStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String owner;
    /** The run of this instance, as the copy loop last reported it; the heartbeat writes it to the store. */
    private final AtomicReference<Status> status = new AtomicReference<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reindex-heartbeat").daemon().factory());
    /** Guards the lock and the run's document between the heartbeat and the end of the run. */
    private final Object reporting = new Object();
    private volatile ReindexRunStore.@Nullable Held held;
    /** Set when another instance took the lock over: the run stops before it could move the alias. */
    private volatile boolean lostLock;

    Reindexer(ArticleIndex index, Enricher enricher, EntityCatalogueService catalogue,
            CurationEdits curationEdits, EntityProperties entities, ImportProperties properties, ReindexRunStore store,
            ApplicationEventPublisher events) {
        this.entities = entities;
        this.events = events;
        this.index = index;
        this.enricher = enricher;
        this.catalogue = catalogue;
        this.curationEdits = curationEdits;
        this.properties = properties;
        this.store = store;
        this.clock = Clock.systemUTC();
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    /** At start-up: an index made from an older mapping than this server's is copied into a new one. */
    @Override
    public void indexReady(ArticleIndex ready) {
        try {
            store.ensureExists();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not create the re-index run index {}: {}", store.alias(), e.toString());
        }
        startIfBehind(ready);
        Thread.ofVirtual().name("catalogue-load").start(() -> loadLinks(ready));
        if (entities.relinkAfterImport() > 0) {
            heartbeats.scheduleWithFixedDelay(this::relinkIfManyNew, TRICKLE_CHECK.toMillis(), TRICKLE_CHECK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The archive's links, decided from the articles already indexed, before this instance links the articles it
     * ingests (until then each is linked as it alone reads its entities). A run started meanwhile decides them too.
     */
    private void loadLinks(ArticleIndex ready) {
        try {
            if (!catalogue.hasDecided()) {
                catalogue.load(ready.currentIndex(), curationEdits.fresh().vetoes());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not load the entity links of {}: {}; new articles are linked at the next relink",
                    ready.alias(), e.toString());
        }
    }

    /**
     * Articles posted one by one or in small imports are counted into the catalogue in memory and linked with the
     * links of the last decision: once {@code clipfile.entities.relink-after-import} of them have come in on this
     * instance, a relink decides again and writes the catalogue index.
     */
    private void relinkIfManyNew() {
        try {
            if (catalogue.hasDecided() && catalogue.articlesSinceDecided() >= entities.relinkAfterImport()) {
                relink();
                log.info("{} articles came in since the entity links were decided: relinking",
                        catalogue.articlesSinceDecided());
            }
        } catch (ReindexRunningException e) {
            log.debug("No relink of new articles now: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not start the relink of new articles: {}", e.toString());
        }
    }

    /**
     * Re-indexes when the index is behind this server's mapping. While another run holds the lock (another
     * instance re-indexing, or this one's run from before a crash, until its heartbeat is stale), it looks again
     * after {@code abandoned-after}: the other run may end it, or die and leave it to this one.
     */
    private void startIfBehind(ArticleIndex ready) {
        try {
            if (ready.behindDefinition()) {
                log.info("The index behind {} has an older mapping than version {}; re-indexing in the background",
                        ready.alias(), ready.definition().version());
                start(false);
            }
        } catch (ReindexRunningException e) {
            log.info("{}; looking again in {}", e.getMessage(), properties.abandonedAfter());
            heartbeats.schedule(() -> startIfBehind(ready), properties.abandonedAfter().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check the mapping version of {}: {}", ready.alias(), e.toString());
        }
    }

    /**
     * The run started last on this archive, by any server instance. A run whose instance stopped reporting for
     * longer than {@code clipfile.imports.abandoned-after} is reported failed.
     */
    public Optional<Status> latest() throws IOException {
        Optional<ReindexRun> run = store.latest();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        ReindexRun latest = run.get();
        if (latest.state().equals("running") && !runningHere(latest.id()) && stale(latest)) {
            latest = latest.failed(abandonedError(latest), latest.heartbeatAt());
        }
        return Optional.of(latest.status());
    }

    /** This instance's own run is alive whatever its last written heartbeat (a slow write is not a death). */
    private boolean runningHere(String run) {
        ReindexRunStore.Held lock = held;
        return lock != null && lock.run().equals(run);
    }

    private boolean stale(ReindexRun run) {
        Instant heartbeat = run.heartbeatAt() != null ? run.heartbeatAt() : run.startedAt();
        return heartbeat == null || heartbeat.isBefore(clock.instant().minus(properties.abandonedAfter()));
    }

    private String abandonedError(ReindexRun run) throws IOException {
        if (Mode.relink.name().equals(run.mode())) {
            return "The server instance relinking " + run.to() + " (" + run.owner() + ") stopped reporting. "
                    + "Nothing is lost: the articles it rewrote carry the new links, the others their earlier ones; "
                    + "start it again to finish.";
        }
        if (run.to().equals(index.currentIndex())) {
            return "The server instance running this re-index (" + run.owner() + ") stopped after moving the "
                    + "alias: " + run.to() + " is the live index; " + run.from() + " is kept. Articles written "
                    + "to " + run.from() + " in the moment before the move may be missing: start a re-index again "
                    + "to be sure.";
        }
        return "The server instance running this re-index (" + run.owner() + ") stopped reporting. The alias was "
                + "not moved: the old index " + run.from() + " is still the live one and nothing is lost. Start "
                + "the re-index again.";
    }

    /**
     * Starts a re-index in the background and returns its first status; refused with
     * {@link ReindexRunningException} while one runs on any server instance.
     */
    public synchronized Status start(boolean applyRegistry) throws IOException {
        return begin(Mode.copy, applyRegistry);
    }

    /**
     * Starts a {@linkplain Mode#relink relink in place} in the background and returns its first status; refused
     * with {@link ReindexRunningException} while a re-index or relink runs on any server instance.
     */
    public synchronized Status relink() throws IOException {
        return begin(Mode.relink, false);
    }

    private Status begin(Mode mode, boolean applyRegistry) throws IOException {
        store.ensureExists();
        Instant started = clock.instant();
        String from = index.currentIndex();
        String target;
        String id;
        if (mode == Mode.copy) {
            String versioned = index.definition().indexName(index.alias());
            target = versioned.equals(from) || index.exists(versioned)
                    ? versioned + "-" + STAMP.format(started)
                    : versioned;
            id = target;
        } else {
            target = from;
            // Two relinks may start within one second (one after an import, one to apply edits): the id has the
            // milliseconds and a random part, so that each keeps its own status document.
            id = from + "-relink-" + RUN_STAMP.format(started) + "-" + UUID.randomUUID().toString().substring(0, 4);
        }
        ReindexRunStore.Held lock = store.tryLock(id, owner, started.minus(properties.abandonedAfter()),
                this::markAbandoned);
        if (lock == null) {
            Optional<Status> running = latest();
            throw new ReindexRunningException("A re-index is already running" + running
                    .filter(r -> r.state().equals("running"))
                    .map(r -> r.mode() == Mode.relink
                            ? " (relinking " + r.to() + ", " + r.examined() + " articles read, on " + r.owner() + ")"
                            : " (into " + r.to() + ", " + r.copied() + " articles copied, on " + r.owner() + ")")
                    .orElse("") + "; wait for it to end, or check GET /api/admin/reindex");
        }
        Status first = new Status(id, "running", from, target, mode, applyRegistry, 0, 0, 0, List.of(), started, null,
                0, null, started, owner);
        try {
            store.save(ReindexRun.of(first, owner, started), true);
        } catch (IOException | RuntimeException e) {
            store.release(lock);
            throw e;
        }
        status.set(first);
        synchronized (reporting) {
            held = lock;
            lostLock = false;
        }
        long period = Math.clamp(properties.abandonedAfter().toMillis() / 3, 100, 5_000);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(this::heartbeat, period, period,
                TimeUnit.MILLISECONDS);
        Thread.ofVirtual().name("reindex").start(() -> {
            Status end;
            try {
                end = mode == Mode.copy ? run(first) : relinkInPlace(first);
            } catch (Exception e) {
                log.error(mode == Mode.copy ? "Re-index failed" : "Relink failed", e);
                Status last = status.get();
                end = last.ended("failed", last.examined(), last.copied(), last.failed(), last.failures(),
                        clock.instant(), failureText(e, last));
            }
            heartbeat.cancel(false);
            finish(end);
        });
        return first;
    }

    private String failureText(Exception e, Status last) {
        if (last.mode() == Mode.relink) {
            return e.getMessage() + ". Nothing is lost: the articles rewritten so far carry the new links, the "
                    + "others their earlier ones; start it again to finish.";
        }
        boolean moved;
        try {
            moved = last.to().equals(index.currentIndex());
        } catch (IOException | RuntimeException unreachable) {
            return e.getMessage() + ". Check which index " + index.alias() + " points to before starting again.";
        }
        return e.getMessage() + (moved ? "" : ". The alias was not moved: " + last.from() + " is still the live "
                + "index and nothing is lost; " + last.to() + " holds a partial copy (delete it) and a new re-index "
                + "can start.");
    }

    /** Writes the heartbeat: the lock's, and the progress of the run. */
    private void heartbeat() {
        synchronized (reporting) {
            if (held == null) {
                return;
            }
            try {
                held = store.beat(held, owner);
                Instant now = clock.instant();
                Status current = status.get();
                store.save(ReindexRun.of(current, owner, now), false);
            } catch (ReindexRunStore.LostLockException e) {
                log.warn("{}; stopping this re-index", e.getMessage());
                lostLock = true;
                held = null;
            } catch (IOException | RuntimeException e) {
                log.warn("Could not report re-index progress: {}", e.toString());
            }
        }
    }

    /** Records the end of the run and releases the lock (unless another instance took it over). */
    private void finish(Status end) {
        synchronized (reporting) {
            ReindexRunStore.Held lock = held;
            held = null;
            status.set(end);
            try {
                // Released first: once the run reads as ended, a new one can start.
                if (lock != null) {
                    store.release(lock);
                }
                store.save(ReindexRun.of(end, owner, clock.instant()), true);
            } catch (IOException | RuntimeException e) {
                log.error("Could not record the end of the re-index into {}: {}; its lock expires after {}",
                        end.to(), e.toString(), properties.abandonedAfter());
            }
        }
    }

    /** A run whose instance died: recorded as failed when another instance takes its lock over. */
    private void markAbandoned(String run) {
        try {
            Optional<ReindexRun> stale = store.find(run);
            if (stale.isPresent() && stale.get().state().equals("running")) {
                store.save(stale.get().failed(abandonedError(stale.get()), clock.instant()), true);
            }
            log.info("Took over the re-index lock from {}, whose server instance stopped reporting", run);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not record the abandoned re-index {}: {}", run, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    /** Runs a whole re-index in the calling thread, holding the lock. */
    private Status run(Status first) throws IOException, InterruptedException {
        String alias = index.alias();
        String from = first.from();
        String target = first.to();
        Instant started = first.startedAt();
        if (!index.createUnaliased(target)) {
            throw new IllegalStateException(target + " exists already");
        }
        index.refreshInterval(target, "-1");
        Progress progress = new Progress(first);
        UnaryOperator<Article> change = linking(from, first.registryApplied());
        BulkWriter writer = progress.writer(target);
        log.info("Re-indexing {} into {}{}", from, target, first.registryApplied() ? " with the current alias registry"
                : "");
        PageVisitor copyAll = hit -> writer.add(hit.id(), change.apply(hit.source().toArticle()));
        try {
            scan(from, null, copyAll, progress);
            Instant beforeMove = clock.instant();
            // Articles written to the old index while it was copied (made searchable first: an import refreshes it
            // only every 30 s).
            index.refresh(from);
            scan(from, since(started), copyAll, progress);
            writer.flush();
            requireLock();
            index.refreshInterval(target, "1s");
            index.moveAlias(from, target);
            // Articles written in the moment between the catch-up and the move.
            index.refresh(from);
            scan(from, since(beforeMove), copyAll, progress);
            writer.finish();
            events.publishEvent(new IndexMoved(alias, from, target));
        } catch (BulkWriter.OutageException e) {
            throw new IOException(e.getMessage(), e);
        }
        // The catch-up passes write again what was written during the copy (same ids, no duplicates): the
        // index's own count is the number of articles copied.
        long inTarget = index.count(target);
        Status end = progress.ended(inTarget, inTarget);
        log.info("Re-indexed {} articles from {} into {} ({} failed, {} articles/s); {} now points to {}. {} is kept "
                + "for a roll-back.", inTarget, from, target, end.failed(), end.docsPerSecond(), alias, target, from);
        return end;
    }

    /**
     * Relinks the live index in the calling thread, holding the lock: the catalogue is rebuilt, every article read,
     * and only those whose entities change are written again, each only if no import or edit wrote it since it was
     * read (such an article was linked with the new links when it was written). No copy, no alias move.
     */
    private Status relinkInPlace(Status first) throws IOException, InterruptedException {
        String live = first.from();
        Instant started = first.startedAt();
        Progress progress = new Progress(first);
        UnaryOperator<Article> change = linking(live, false);
        BulkWriter writer = progress.writer(live);
        AtomicLong superseded = new AtomicLong();
        progress.superseded = superseded;
        PageVisitor rewriteChanged = hit -> {
            Article stored = hit.source().toArticle();
            Article linked = change.apply(stored);
            if (stored != null && !Objects.equals(linked.entities(), stored.entities())
                    && hit.seqNo() != null && hit.primaryTerm() != null) {
                writer.addIfUnchanged(hit.id(), linked, new BulkWriter.Expected(hit.seqNo(), hit.primaryTerm()));
            }
        };
        log.info("Relinking the entities of {} in place", live);
        try {
            // Articles imported in the last seconds are made searchable first (an import refreshes every 30 s).
            index.refresh(live);
            scan(live, null, rewriteChanged, progress);
            // Articles prepared while the catalogue was rebuilt were linked with the earlier links, and may have been
            // written after the scan began: read again (this pass's reads are not counted as examined). The
            // rewrites of the first pass are written first, so that this one reads them.
            writer.flush();
            index.refresh(live);
            progress.counting = false;
            scan(live, since(started), rewriteChanged, progress);
            writer.finish();
        } catch (BulkWriter.OutageException e) {
            throw new IOException(e.getMessage(), e);
        }
        events.publishEvent(new EntitiesRelinked(index.alias(), progress.copied.get()));
        Status end = progress.ended(progress.examined.get(), progress.copied.get());
        log.info("Relinked {}: {} articles read, {} rewritten, {} written meanwhile by others, {} failed ({} "
                + "articles/s)", live, end.examined(), end.copied(), superseded.get(), end.failed(),
                end.docsPerSecond());
        return end;
    }

    /**
     * What a run does to each stored article: links across the archive decided afresh from the stored enrichment
     * (each entity as its article alone resolved it), registry edits when asked for, and the editors' curation
     * edits in force when the run starts (an undone one is no longer): their splits keep the catalogue from
     * linking, then they change the linked entities.
     */
    private UnaryOperator<Article> linking(String from, boolean applyRegistry) throws IOException {
        Curation curation = curationEdits.fresh();
        EntityLinks links = catalogue.rebuild(from, curation.vetoes());
        return a -> {
            if (a.entities() == null) {
                return a;
            }
            // Enrichments stored before mapping version 4 hold name keys among their variants: dropped here.
            Enrichment stored = enricher.withoutNameKeys(a.entities());
            Enrichment entities = applyRegistry ? enricher.applyRegistry(EntityLinks.restore(stored)) : stored;
            return a.withEntities(curation.apply(links.apply(entities, a.title() + "\n\n" + a.body(),
                    EntityCatalogueService.tagsOf(a.tags(), a.section()))));
        };
    }

    /** The counts of one run, reported by the heartbeat while it goes. */
    private final class Progress implements BulkWriter.Outcome {
        private final Status first;
        private final AtomicLong examined = new AtomicLong();
        private final AtomicLong copied = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final List<String> failures = new ArrayList<>();
        private @Nullable AtomicLong superseded;
        /** Whether the articles read count as examined (not in a relink's catch-up pass, which reads again). */
        private volatile boolean counting = true;

        Progress(Status first) {
            this.first = first;
        }

        BulkWriter writer(String target) {
            return index.writer(target, properties.bulkOperations(), properties.bulkSize().toBytes(),
                    properties.maxOutage(), this);
        }

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

        @Override
        public void superseded(String document) {
            AtomicLong count = superseded;
            if (count != null) {
                count.incrementAndGet();
            }
        }

        void report() {
            List<String> firstFailures;
            synchronized (failures) {
                firstFailures = List.copyOf(failures.subList(0, Math.min(10, failures.size())));
            }
            status.set(first.progress(examined.get(), copied.get(), failed.get(), firstFailures, clock.instant()));
        }

        Status ended(long endExamined, long endCopied) {
            List<String> all;
            synchronized (failures) {
                all = List.copyOf(failures);
            }
            return first.ended("completed", endExamined, endCopied, failed.get(), all, clock.instant(), null);
        }
    }

    /** What a scan does with each article it reads. */
    private interface PageVisitor {
        void visit(Hit<ArticleDocument> hit) throws BulkWriter.OutageException, InterruptedException;
    }

    private void requireLock() {
        if (lostLock) {
            throw new IllegalStateException("Another server instance took over the re-index lock (this one was "
                    + "presumed dead)");
        }
    }

    private static double rate(long articles, @Nullable Instant started, Instant now) {
        if (started == null) {
            return 0;
        }
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        return Math.round(articles / seconds * 10) / 10.0;
    }

    /**
     * Articles stamped since shortly before {@code instant}. An article is stamped ({@code ingested_at}) when it is
     * prepared and written at most {@link BulkWriter#MAX_BATCH_AGE} later (plus its request's time): the margin
     * covers that, so an article prepared before the copy but written after it is caught up. Articles copied
     * twice are written again under the same id.
     */
    private static Query since(Instant instant) {
        Instant from = instant.minus(CATCH_UP_MARGIN);
        return Query.of(q -> q.range(r -> r.date(d -> d.field("ingested_at").gte(from.toString()))));
    }

    /** Reads every article of {@code from} (matching {@code filter}) in pages, in index order. */
    private void scan(String from, @Nullable Query filter, PageVisitor visitor, Progress progress)
            throws IOException, InterruptedException, BulkWriter.OutageException {
        String pit = index.openPointInTime(from, "5m");
        try {
            List<FieldValue> after = List.of();
            while (true) {
                List<FieldValue> position = after;
                String currentPit = pit;
                SearchResponse<ArticleDocument> page = index.search(SearchRequest.of(s -> {
                    s.pit(p -> p.id(currentPit).keepAlive(k -> k.time("5m"))).size(PAGE)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                            .seqNoPrimaryTerm(true)
                            .trackTotalHits(t -> t.enabled(false));
                    if (filter != null) {
                        s.query(filter);
                    }
                    if (!position.isEmpty()) {
                        s.searchAfter(position);
                    }
                    return s;
                }), ArticleDocument.class);
                List<Hit<ArticleDocument>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                for (Hit<ArticleDocument> hit : hits) {
                    visitor.visit(hit);
                    if (progress.counting) {
                        progress.examined.incrementAndGet();
                    }
                }
                pit = page.pitId() == null ? pit : page.pitId();
                after = hits.getLast().sort();
                progress.report();
                requireLock();
            }
        } finally {
            String used = pit;
            index.closePointInTime(used);
        }
    }
}
