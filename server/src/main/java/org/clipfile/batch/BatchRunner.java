package org.clipfile.batch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.clipfile.audit.AuditLog;
import org.clipfile.enrich.ReferenceCatalogue;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.index.ArticleIndex;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.search.query.QuerySyntaxException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs batches in the background: reads the pending names in position order, a page at a time, searches each page
 * with one {@code _msearch} (per name: the article count, the people and groups named in the matching articles, the
 * top articles) and writes the results back, so memory does not grow with the list.
 *
 * <p>A name matches as a phrase in the text and, through its name key, in the people/groups/places names of the
 * articles (so "Abd al-Rahman" finds articles naming Rami Abdel Rahman); a name the alias registry knows also
 * matches the articles tagged with that entity.
 */
@Component
class BatchRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
    private static final List<String> TOP_FIELDS = List.of("title", "published");
    private static final int ENTITY_BUCKETS = 10;

    private final BatchStore store;
    private final BatchProperties properties;
    private final ArticleIndex articles;
    private final ReferenceCatalogue catalogue;
    private final ExecutorService executor;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    /** Each run's end (done or failed) is a system action in the audit; null in benchmarks. */
    private final @Nullable AuditLog audit;

    /** Without the audit (a benchmark). */
    BatchRunner(BatchStore store, BatchProperties properties, ArticleIndex articles, ReferenceCatalogue catalogue) {
        this(store, properties, articles, catalogue, null);
    }

    @Autowired
    BatchRunner(BatchStore store, BatchProperties properties, ArticleIndex articles, ReferenceCatalogue catalogue,
            @Nullable AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.properties = properties;
        this.articles = articles;
        this.catalogue = catalogue;
        this.executor = Executors.newFixedThreadPool(properties.concurrentJobs(),
                Thread.ofPlatform().daemon().name("batch-search-", 0).factory());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** This server instance, as a batch's {@code runner}. */
    String instance() {
        return instance;
    }

    /** Whether this instance has the batch queued or running (its takeover scan leaves those alone). */
    boolean isActive(String id) {
        return active.contains(id);
    }

    void start(BatchJob job, SearchParameters filters) {
        active.add(job.id());
        try {
            executor.execute(() -> {
                try {
                    run(job, filters);
                } finally {
                    active.remove(job.id());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            active.remove(job.id()); // shutting down: another instance takes it over
        }
    }

    /**
     * Searches the names still pending, a page at a time, writing the progress (and so the heartbeat) after each
     * page. A batch taken over from a stopped instance goes through here too and resumes where that one stopped.
     * When another instance has taken this one's batch over (this one was stalled past {@code abandoned-after}), it
     * stops at the next page.
     */
    void run(BatchJob queued, SearchParameters filters) {
        BatchJob job = queued;
        try {
            BatchJob stored = store.find(queued.id()).orElse(queued);
            if (!stored.unfinished() || stored.runner() != null && !instance.equals(stored.runner())) {
                log.info("Batch search {} is {} on {}; this instance leaves it", queued.id(), stored.status(),
                        stored.runner());
                return;
            }
            job = stored.running(instance, stored.namesDone(), stored.namesFound());
            store.save(job, false);
            long done = job.namesDone();
            long found = job.namesFound();
            int after = -1;
            while (!Thread.currentThread().isInterrupted()) {
                List<BatchResult> pending = store.after(job.id(), after, properties.namesPerRequest(), true);
                if (pending.isEmpty()) {
                    break;
                }
                List<BatchResult> results = search(pending, filters);
                if (!stillMine(job.id())) {
                    log.info("Batch search {} was taken over by another instance; this one stops", job.id());
                    return;
                }
                store.saveResults(results, false);
                done += results.size();
                found += results.stream().filter(r -> r.count() > 0).count();
                after = pending.getLast().position();
                job = job.progress(done, found);
                store.save(job, false);
            }
            if (Thread.currentThread().isInterrupted()) {
                // This instance is stopping: the batch stays running, and another instance takes it over.
                log.info("Batch search {} stopped at {} of {} names; left for another instance", job.id(), done,
                        job.namesTotal());
                return;
            }
            store.refreshResults();
            store.save(job.completed(), true);
            if (audit != null) {
                audit.system("batch-search.run", job.id(), 200, done, done + " of " + job.namesTotal()
                        + " names searched, " + found + " found, for " + job.owner());
            }
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                log.info("Batch search {} interrupted ({}); left for another instance", job.id(), e.toString());
                return;
            }
            log.warn("Batch search {} failed: {}", job.id(), e.toString());
            if (audit != null) {
                audit.system("batch-search.failed", job.id(), 500, job.namesDone(), "after " + job.namesDone()
                        + " of " + job.namesTotal() + " names, for " + job.owner() + ": " + e);
            }
            try {
                store.save(job.failed("The search failed (" + e.getClass().getSimpleName() + "); the server log "
                        + "has the details"), true);
            } catch (IOException | RuntimeException again) {
                log.warn("Cannot record the failure of batch search {}", job.id(), again);
            }
        }
    }

    private boolean stillMine(String id) throws IOException {
        return store.find(id).map(j -> instance.equals(j.runner()) && j.unfinished()).orElse(false);
    }

    /** Searches one page of names with one {@code _msearch}. */
    List<BatchResult> search(List<BatchResult> names, SearchParameters filters) throws IOException {
        Query filter = SearchRequestFactory.filteredQuery(filters);
        List<RequestItem> items = new ArrayList<>();
        List<List<CanonicalEntity>> known = new ArrayList<>();
        for (BatchResult name : names) {
            List<CanonicalEntity> entities = catalogue.entityNamed(name.name()).map(List::of).orElse(List.of());
            known.add(entities);
            Query query = nameQuery(name.name(), entities);
            items.add(RequestItem.of(r -> r.header(h -> h.index(articles.alias())).body(b -> b
                    .query(q -> q.bool(x -> x.must(query).filter(filter)))
                    .size(properties.topArticles())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(s -> s.filter(f -> f.includes(TOP_FIELDS)))
                    .aggregations("people", a -> a.terms(t -> t.field("people").size(ENTITY_BUCKETS)))
                    .aggregations("groups", a -> a.terms(t -> t.field("groups").size(ENTITY_BUCKETS))))));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        MsearchResponse<Map<String, Object>> response = articles.msearch(items,
                (Class<Map<String, Object>>) (Class) Map.class);
        List<BatchResult> results = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            BatchResult name = names.get(i);
            MultiSearchResponseItem<Map<String, Object>> item = response.responses().get(i);
            if (item.isFailure()) {
                results.add(new BatchResult(name.jobId(), name.position(), name.name(), true, 0, List.of(),
                        List.of(), "search refused: " + item.failure().error().type()));
                continue;
            }
            var result = item.result();
            long count = result.hits().total() == null ? 0 : result.hits().total().value();
            List<BatchResult.TopArticle> top = new ArrayList<>();
            for (Hit<Map<String, Object>> hit : result.hits().hits()) {
                Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
                top.add(new BatchResult.TopArticle(hit.id(), text(source.get("title")),
                        text(source.get("published"))));
            }
            Map<String, BatchResult.Entity> entities = new LinkedHashMap<>();
            List<String> key = NameKeys.keyTokens(name.name());
            for (String aggregation : List.of("people", "groups")) {
                var terms = result.aggregations().get(aggregation);
                if (terms == null || !terms.isSterms()) {
                    continue;
                }
                for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
                    String id = bucket.key().stringValue();
                    CanonicalEntity canonical = catalogue.entity(id).orElse(null);
                    boolean same = known.get(i).stream().anyMatch(e -> e.id().equals(id))
                            || (canonical != null ? canonical.names().stream().anyMatch(n -> contains(
                                    NameKeys.keyTokens(n), key)) : contains(NameKeys.keyTokens(slugName(id)), key));
                    if (same) {
                        entities.put(id, new BatchResult.Entity(id, canonical == null ? null : canonical.name(),
                                bucket.docCount()));
                    }
                }
            }
            for (CanonicalEntity entity : known.get(i)) {
                entities.putIfAbsent(entity.id(), new BatchResult.Entity(entity.id(), entity.name(), 0));
            }
            results.add(new BatchResult(name.jobId(), name.position(), name.name(), true, count,
                    List.copyOf(entities.values()), top, null));
        }
        return results;
    }

    /** The name as a phrase (and by its key in the names of entities), or the entities the registry knows. */
    static Query nameQuery(String name, List<CanonicalEntity> known) {
        Query phrase;
        try {
            phrase = SearchRequestFactory.query(SearchParameters.of("\"" + name.replace('"', ' ') + "\"", 1, 1));
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            phrase = Query.of(q -> q.multiMatch(m -> m.query(name).type(TextQueryType.Phrase)
                    .fields(SearchRequestFactory.NAME_KEY_FIELDS)));
        }
        if (known.isEmpty()) {
            return phrase;
        }
        Query text = phrase;
        List<FieldValue> ids = known.stream().map(e -> FieldValue.of(e.id())).toList();
        return Query.of(q -> q.bool(b -> b
                .should(text)
                .should(s -> s.terms(t -> t.field("people").terms(v -> v.value(ids))))
                .should(s -> s.terms(t -> t.field("groups").terms(v -> v.value(ids))))
                .minimumShouldMatch("1")));
    }

    /** "person:rami-abdel-rahman" read as the name "rami abdel rahman". */
    private static String slugName(String id) {
        int colon = id.indexOf(':');
        return id.substring(colon + 1).replace('-', ' ');
    }

    /** Whether {@code part} occurs in {@code whole} as consecutive tokens. */
    static boolean contains(List<String> whole, List<String> part) {
        if (part.isEmpty() || part.size() > whole.size()) {
            return false;
        }
        for (int start = 0; start + part.size() <= whole.size(); start++) {
            if (whole.subList(start, start + part.size()).equals(part)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
