package org.clipfile.saved;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clipfile.audit.AuditLog;
import org.clipfile.index.ArticleIndex;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.search.SearchParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds new matches of every saved search, without a percolator (the minimal distribution has none): each run takes
 * the window of ingest times since the previous run and sends every saved search, restricted to that window, in
 * {@code _msearch} requests of {@code searchesPerRequest}. A run that finds no new article costs one count. The
 * cost of a run grows with the number of saved searches and the new articles they match, not with the archive.
 *
 * <p>One instance at a time runs: it holds a lease on the state document ({@code <alias>-saved-search-runs/matcher},
 * written with optimistic concurrency), which also keeps the end of the last window, so that a restart or another
 * instance continues where the last run stopped.
 */
@Component
class AlertMatcher implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);
    static final String STATE_ID = "matcher";
    private static final int PAGE = 1000;
    private static final int WEBHOOK_ARTICLES = 10;
    private static final List<String> WEBHOOK_FIELDS = List.of("id", "title", "published", "source", "url");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(@JsonProperty("window_end") @Nullable Instant windowEnd, @Nullable String holder,
            @JsonProperty("lease_until") @Nullable Instant leaseUntil,
            @JsonProperty("last_run_at") @Nullable Instant lastRunAt,
            @JsonProperty("last_duration_ms") @Nullable Long lastDurationMs,
            @JsonProperty("last_cpu_ms") @Nullable Long lastCpuMs,
            @JsonProperty("last_searches") @Nullable Long lastSearches,
            @JsonProperty("last_articles") @Nullable Long lastArticles,
            @JsonProperty("last_matched") @Nullable Long lastMatched,
            @JsonProperty("last_error") @Nullable String lastError) {}

    /** What one run did. */
    record Run(Instant from, Instant to, long articles, long searches, long matched, long failed, long millis,
            long cpuMillis) {}

    private final SavedSearchStore store;
    private final SavedSearchQueries queries;
    private final WebhookSender webhooks;
    private final AlertProperties properties;
    private final ArticleIndex articles;
    private final String holder = "matcher-" + UUID.randomUUID();
    private volatile @Nullable Thread loop;
    /** Runs that looked at new articles, and failed runs, are in the audit; null in benchmarks. */
    private final @Nullable AuditLog audit;

    @Autowired
    AlertMatcher(SavedSearchStore store, SavedSearchQueries queries, WebhookSender webhooks,
            AlertProperties properties, ArticleIndex articles, @Nullable AuditLog audit) {
        this.store = store;
        this.queries = queries;
        this.webhooks = webhooks;
        this.properties = properties;
        this.articles = articles;
        this.audit = audit;
    }

    /** Without the audit (a benchmark). */
    AlertMatcher(SavedSearchStore store, SavedSearchQueries queries, WebhookSender webhooks,
            AlertProperties properties, ArticleIndex articles) {
        this(store, queries, webhooks, properties, articles, null);
    }

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        store.ensureExists();
        if (properties.enabled() && loop == null) {
            loop = Thread.ofPlatform().daemon().name("saved-search-matcher").start(this::runForever);
        }
    }

    @PreDestroy
    void stop() {
        Thread running = loop;
        if (running != null) {
            running.interrupt();
        }
    }

    private void runForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(properties.interval());
                runIfHolder(Instant.now());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("Saved search matching failed; next try in {} s: {}", properties.interval().toSeconds(),
                        e.toString());
            }
        }
    }

    /** One run, if no other instance holds the lease; empty when it does. */
    java.util.Optional<Run> runIfHolder(Instant now) throws IOException {
        var current = store.matcherState();
        State state = current.map(SystemIndex.Versioned::document).orElse(null);
        if (state != null && state.holder() != null && !holder.equals(state.holder()) && state.leaseUntil() != null
                && state.leaseUntil().isAfter(now)) {
            return java.util.Optional.empty();
        }
        Instant end = now.minus(properties.lag());
        Instant start = state == null || state.windowEnd() == null ? end : state.windowEnd();
        Duration lease = properties.interval().multipliedBy(4).compareTo(Duration.ofMinutes(2)) > 0
                ? properties.interval().multipliedBy(4) : Duration.ofMinutes(2);
        State claimed = new State(start, holder, now.plus(lease), state == null ? null : state.lastRunAt(),
                null, null, null, null, null, null);
        if (!store.claimMatcherState(current.orElse(null), claimed)) {
            return java.util.Optional.empty(); // another instance claimed it first
        }
        Run run;
        String error = null;
        try {
            run = check(start, end);
        } catch (IOException | RuntimeException e) {
            error = e.toString();
            run = new Run(start, start, 0, 0, 0, 0, 0, 0);
            log.warn("Saved search matching over {} .. {} failed: {}", start, end, error);
        }
        State done = new State(run.to(), null, null, now, run.millis(), run.cpuMillis(), run.searches(),
                run.articles(), run.matched(), error);
        store.saveMatcherState(done);
        audit(run, start, end, error);
        if (run.searches() > 0) {
            log.info("Checked {} saved searches against {} new articles in {} ms ({} ms CPU): {} with new matches",
                    run.searches(), run.articles(), run.millis(), run.cpuMillis(), run.matched());
        }
        return java.util.Optional.of(run);
    }

    /**
     * A run is a system action in the audit when it looked at new articles or failed ({@code saved-search.match},
     * {@code saved-search.match-failed}); an empty window, every {@code interval}, is not worth a line.
     */
    private void audit(Run run, Instant start, Instant end, @Nullable String error) {
        if (audit == null) {
            return;
        }
        if (error != null) {
            audit.system("saved-search.match-failed", null, 500, null, "window " + start + " .. " + end + ": "
                    + error);
        } else if (run.articles() > 0) {
            audit.system("saved-search.match", null, 200, run.matched(), run.searches() + " saved searches against "
                    + run.articles() + " new articles (" + run.from() + " .. " + run.to() + "): " + run.matched()
                    + " with new matches, " + run.failed() + " failed, " + run.millis() + " ms");
        }
    }

    /** Every saved search over the articles ingested in {@code [from, to)}. */
    Run check(Instant from, Instant to) throws IOException {
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        if (!to.isAfter(from)) {
            return new Run(from, from, 0, 0, 0, 0, 0, 0);
        }
        long newArticles = articles.count(Query.of(q -> q.range(r -> r.date(d -> d
                .field("ingested_at").gte(from.toString()).lt(to.toString())))));
        long searches = 0;
        long matched = 0;
        long failed = 0;
        if (newArticles > 0) {
            String after = null;
            while (true) {
                List<SavedSearchStore.Versioned> page = store.page(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast().search().id();
                for (int i = 0; i < page.size(); i += properties.searchesPerRequest()) {
                    List<SavedSearchStore.Versioned> chunk = page.subList(i,
                            Math.min(page.size(), i + properties.searchesPerRequest()));
                    long[] outcome = checkChunk(chunk, from, to);
                    searches += outcome[0];
                    matched += outcome[1];
                    failed += outcome[2];
                }
            }
        }
        if (matched > 0) {
            store.refresh(); // once per run, so that lists show the new counts at once
        }
        long cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        return new Run(from, to, newArticles, searches, matched, failed, (System.nanoTime() - started) / 1_000_000,
                cpu);
    }

    /** One {@code _msearch}: returns searches sent, searches with new matches, searches that failed. */
    private long[] checkChunk(List<SavedSearchStore.Versioned> chunk, Instant from, Instant to) throws IOException {
        List<SavedSearchStore.Versioned> sent = new ArrayList<>();
        List<RequestItem> items = new ArrayList<>();
        long failed = 0;
        for (SavedSearchStore.Versioned versioned : chunk) {
            SavedSearch saved = versioned.search();
            if (!saved.createdAt().isBefore(to)) {
                continue;
            }
            Instant since = saved.createdAt().isAfter(from) ? saved.createdAt() : from;
            SearchParameters parameters;
            try {
                parameters = queries.parameters(saved.query(), saved.owner(), false);
            } catch (RuntimeException e) {
                failed++; // e.g. a collection deleted since: the search cannot run as saved
                continue;
            }
            Query query = SavedSearchQueries.ingestedBetween(parameters, since, to);
            boolean webhook = saved.webhook() != null;
            items.add(RequestItem.of(r -> r.header(h -> h.index(articles.alias()).requestCache(false)).body(b -> {
                // Never cached: each window is asked once, and 10,000 entries would only evict useful ones.
                b.query(query).size(webhook ? WEBHOOK_ARTICLES : 0).trackTotalHits(t -> t.enabled(true));
                if (webhook) {
                    b.source(s -> s.filter(f -> f.includes(WEBHOOK_FIELDS)))
                            .sort(o -> o.field(f -> f.field("ingested_at").order(
                                    co.elastic.clients.elasticsearch._types.SortOrder.Desc)));
                }
                return b;
            })));
            sent.add(versioned);
        }
        if (items.isEmpty()) {
            return new long[] {0, 0, failed};
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        MsearchResponse<Map<String, Object>> response = articles.msearch(items,
                (Class<Map<String, Object>>) (Class) Map.class);
        Instant checkedAt = Instant.now();
        List<SavedSearchStore.Matches> matches = new ArrayList<>();
        Map<String, List<Map<String, @Nullable Object>>> newest = new HashMap<>();
        for (int i = 0; i < response.responses().size(); i++) {
            MultiSearchResponseItem<Map<String, Object>> item = response.responses().get(i);
            SavedSearchStore.Versioned versioned = sent.get(i);
            if (item.isFailure()) {
                failed++;
                log.debug("Saved search {} failed: {}", versioned.search().id(), item.failure().error().reason());
                continue;
            }
            long count = item.result().hits().total() == null ? 0 : item.result().hits().total().value();
            if (count > 0) {
                matches.add(new SavedSearchStore.Matches(versioned, count, checkedAt));
                List<Map<String, @Nullable Object>> found = new ArrayList<>();
                for (Hit<Map<String, Object>> hit : item.result().hits().hits()) {
                    Map<String, @Nullable Object> article = new LinkedHashMap<>();
                    article.put("id", hit.id());
                    if (hit.source() != null) {
                        for (String field : List.of("title", "published", "source", "url")) {
                            article.put(field, hit.source().get(field));
                        }
                    }
                    found.add(article);
                }
                newest.put(versioned.search().id(), found);
            }
        }
        List<SavedSearchStore.Matches> conflicts = store.addMatches(matches);
        for (SavedSearchStore.Matches conflict : conflicts) {
            // Changed since it was read (its owner looked, or edited it): add to what is there now.
            var fresh = store.find(conflict.saved().search().id());
            if (fresh.isPresent()) {
                store.addMatches(List.of(new SavedSearchStore.Matches(fresh.get(), conflict.count(), checkedAt)));
            }
        }
        for (SavedSearchStore.Matches match : matches) {
            SavedSearch saved = match.saved().search();
            if (saved.webhook() != null) {
                webhooks.send(saved, new WebhookSender.Payload("saved_search.new_matches",
                        Map.of("id", saved.id(), "name", saved.name(), "query", saved.query()), match.count(),
                        from.toString(), to.toString(), newest.getOrDefault(saved.id(), List.of())));
            }
        }
        return new long[] {sent.size(), matches.size(), failed};
    }
}
