package org.clipfile.bench;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.clipfile.search.Cursor;
import org.clipfile.search.SearchRequestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each search sent to Clipfile ({@code GET /api/search}) and, back to back in rotating order, as the raw request
 * Clipfile sends to Elasticsearch for it (the body built by Clipfile's own {@link SearchRequestFactory} and serialized
 * with {@link JsonpUtils}, POSTed to {@code /articles/_search?typed_keys=true}, or {@code /_search} for cursor pages,
 * which name a point in time) and as the plain hand-written faceted request ({@link PlainRequest}). Open loop: requests leave at fixed intended times whatever the answers do, and a
 * latency is measured from the intended start, so a stall delays every request behind it (no coordinated omission).
 */
final class QueryBenchmark {
    static final long HISTOGRAM_MAX_NANOS = TimeUnit.MINUTES.toNanos(5);

    record Prepared(QuerySet.Query query, QuerySet.Kind kind, String clipfileUri, String rawUri, String rawBody,
            String plainBody) {
        Prepared(QuerySet.Query query, QuerySet.Kind kind, String clipfileUri, String rawUri, String rawBody) {
            this(query, kind, clipfileUri, rawUri, rawBody, plain(query, rawBody));
        }

        /** The hand-written request for the same search; on a cursor page, at the same point in time and position. */
        private static String plain(QuerySet.Query query, String rawBody) {
            JsonNode raw = Http.JSON.readTree(rawBody);
            return raw.has("pit")
                    ? PlainRequest.body(query.parameters(), raw.get("pit"), raw.get("search_after"), raw.get("sort"))
                    : PlainRequest.body(query.parameters(), null, null, null);
        }
    }

    /** The three arms, in the order of their latency slots. */
    static final List<String> ARMS = List.of("clipfile", "raw", "plain");

    private final Cluster cluster;
    private final Http http;
    private final JsonpMapper mapper;
    private final HttpClient async = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    QueryBenchmark(Cluster cluster, Http http, JsonpMapper mapper) {
        this.cluster = cluster;
        this.http = http;
        this.mapper = mapper;
    }

    SearchRequestFactory.DateSpan span() throws IOException {
        String body = "{\"size\":0,\"aggs\":{\"first\":{\"min\":{\"field\":\"published\"}},"
                + "\"last\":{\"max\":{\"field\":\"published\"}}}}";
        JsonNode aggs = Http.ok(http.postJson(cluster.esUri() + "/" + Indices.ALIAS + "/_search", body), "span")
                .json().path("aggregations");
        return QuerySet.span(aggs);
    }

    /** Builds both arms of every query; cursor pages are walked to their depth through Clipfile first. */
    List<Prepared> prepare(List<QuerySet.Query> queries) throws IOException {
        SearchRequestFactory.DateSpan span = span();
        List<Prepared> prepared = new ArrayList<>();
        for (QuerySet.Query q : queries) {
            String base = cluster.serverUri() + "/api/search?" + q.queryString();
            if (q.cursorDepth() > 0) {
                String cursor = Http.ok(http.get(base + "&cursor="), "cursor start").json().path("cursor")
                        .asString(null);
                for (int i = 1; i < q.cursorDepth() && cursor != null; i++) {
                    String next = Http.ok(http.get(base + "&cursor=" + cursor), "cursor walk").json()
                            .path("cursor").asString(null);
                    if (next == null) {
                        break;
                    }
                    cursor = next;
                }
                if (cursor != null) {
                    Cursor position = Cursor.decode(cursor);
                    SearchRequest raw = SearchRequestFactory.cursorPage(q.parameters(), position.pit(),
                            position.after(), span);
                    prepared.add(new Prepared(q, QuerySet.Kind.cursor, base + "&cursor=" + cursor,
                            cluster.esUri() + "/_search?typed_keys=true", JsonpUtils.toJsonString(raw, mapper)));
                    continue;
                }
                // Too few results for a cursor: measured as a first page (counted as browsing).
                base = cluster.serverUri() + "/api/search?" + q.queryString() + "&page=1";
                prepared.add(new Prepared(q, QuerySet.Kind.browse, base, searchUri(),
                        JsonpUtils.toJsonString(SearchRequestFactory.search(Indices.ALIAS, q.parameters(), span),
                                mapper)));
                continue;
            }
            prepared.add(new Prepared(q, q.kind(), base, searchUri(), JsonpUtils.toJsonString(
                    SearchRequestFactory.search(Indices.ALIAS, q.parameters(), span), mapper)));
        }
        return prepared;
    }

    private String searchUri() {
        return cluster.esUri() + "/" + Indices.ALIAS + "/_search?typed_keys=true";
    }

    /**
     * One closed-loop pass (warm-up of all three arms) that also checks Clipfile and its own raw request agree: same
     * total (first pages) or same number of hits (cursor pages), and that the plain request is answered. Returns the
     * number of disagreements, with examples in {@code examples}.
     */
    int warmUpAndCompare(List<Prepared> prepared, ArrayNode examples) throws IOException {
        int mismatches = 0;
        for (Prepared p : prepared) {
            Http.Response clip = http.get(p.clipfileUri());
            Http.Response raw = http.postJson(p.rawUri(), p.rawBody());
            Http.Response plain = http.postJson(p.rawUri(), p.plainBody());
            if (plain.status() != 200) {
                mismatches++;
                addExample(examples, p, "plain request status " + plain.status() + ": "
                        + plain.body().substring(0, Math.min(300, plain.body().length())));
                continue;
            }
            if (clip.status() != 200 || raw.status() != 200) {
                mismatches++;
                addExample(examples, p, "status " + clip.status() + " / " + raw.status() + ": "
                        + clip.body().substring(0, Math.min(300, clip.body().length())));
                continue;
            }
            JsonNode c = clip.json();
            JsonNode r = raw.json();
            boolean same = p.kind() == QuerySet.Kind.cursor
                    ? c.path("hits").size() == r.path("hits").path("hits").size()
                    : c.path("total").asLong() == r.path("hits").path("total").path("value").asLong();
            if (!same) {
                mismatches++;
                addExample(examples, p, "clipfile total " + c.path("total") + " hits " + c.path("hits").size()
                        + ", raw total " + r.path("hits").path("total").path("value") + " hits "
                        + r.path("hits").path("hits").size());
            }
        }
        return mismatches;
    }

    private static void addExample(ArrayNode examples, Prepared p, String what) {
        if (examples.size() < 5) {
            examples.addObject().put("query", p.clipfileUri().replaceFirst("^http://[^/]+", "")).put("problem", what);
        }
    }

    /** The measured open-loop run at {@code searchesPerSecond} searches (three requests each) per second. */
    ObjectNode run(List<Prepared> prepared, double searchesPerSecond) throws IOException, InterruptedException {
        int arms = ARMS.size();
        int total = prepared.size() * arms;
        long period = (long) (1e9 / (arms * searchesPerSecond));
        long[] latency = new long[total];
        int[] status = new int[total];
        long maxSendLag = 0;
        CountDownLatch done = new CountDownLatch(total);
        long server0 = cluster.serverCpuMillis();
        long es0 = cluster.esCpuMillis();
        long driver0 = Cpu.millis(ProcessHandle.current());
        long machine0 = Cpu.machineBusyMillis();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int k = 0; k < total; k++) {
            int index = k;
            Prepared p = prepared.get(k / arms);
            int arm = arm(k / arms, k % arms);
            long intended = start + k * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            maxSendLag = Math.max(maxSendLag, System.nanoTime() - intended);
            HttpRequest request = arm == 0
                    ? http.request(p.clipfileUri()).timeout(Duration.ofMinutes(2)).GET().build()
                    : HttpRequest.newBuilder(URI.create(p.rawUri())).timeout(Duration.ofMinutes(2))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(arm == 1 ? p.rawBody() : p.plainBody()))
                            .build();
            async.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                latency[index] = System.nanoTime() - intended;
                status[index] = e == null ? r.statusCode() : -1;
                done.countDown();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("searches still unanswered 5 minutes after the last was sent");
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        long serverCpu = cluster.serverCpuMillis() - server0;
        long esCpu = cluster.esCpuMillis() - es0;
        long driverCpu = Cpu.millis(ProcessHandle.current()) - driver0;
        double otherCores = Math.max(0, Cpu.machineBusyMillis() - machine0 - serverCpu - esCpu - driverCpu) / wallMs;

        Histogram[] all = {histogram(), histogram(), histogram()};
        Map<QuerySet.Kind, Histogram[]> byKind = new EnumMap<>(QuerySet.Kind.class);
        double[] ratios = new double[prepared.size()];
        double[] plainRatios = new double[prepared.size()];
        int errors = 0;
        int[] armErrors = new int[arms];
        for (int i = 0; i < prepared.size(); i++) {
            long[] ms = new long[arms];
            boolean failed = false;
            for (int slot = 0; slot < arms; slot++) {
                int arm = arm(i, slot);
                int at = i * arms + slot;
                if (status[at] != 200) {
                    failed = true;
                    armErrors[arm]++;
                }
                ms[arm] = Math.min(latency[at], HISTOGRAM_MAX_NANOS);
            }
            errors += failed ? 1 : 0;
            Histogram[] kind = byKind.computeIfAbsent(prepared.get(i).kind(), k -> new Histogram[] {histogram(),
                    histogram(), histogram()});
            for (int arm = 0; arm < arms; arm++) {
                all[arm].recordValue(ms[arm]);
                kind[arm].recordValue(ms[arm]);
            }
            ratios[i] = (double) ms[0] / Math.max(1, ms[1]);
            plainRatios[i] = (double) ms[0] / Math.max(1, ms[2]);
        }
        Arrays.sort(ratios);
        Arrays.sort(plainRatios);

        ObjectNode result = Http.JSON.createObjectNode();
        result.put("searches", prepared.size());
        result.put("requests", total);
        result.put("target_rate_searches_per_s", searchesPerSecond);
        result.put("achieved_rate_searches_per_s", prepared.size() / seconds);
        result.put("max_send_lag_ms", maxSendLag / 1e6);
        result.put("errors", errors);
        ObjectNode errorsByArm = result.putObject("errors_by_arm");
        for (int arm = 0; arm < arms; arm++) {
            errorsByArm.put(ARMS.get(arm), armErrors[arm]);
        }
        result.put("server_cpu_ms_per_search", (double) serverCpu / prepared.size());
        result.put("es_cpu_ms_per_request", (double) esCpu / total);
        result.put("driver_cpu_ms_per_request", (double) driverCpu / total);
        result.put("other_processes_cores", otherCores);
        for (int arm = 0; arm < arms; arm++) {
            result.set(ARMS.get(arm), percentiles(all[arm]));
        }
        ObjectNode ratio = result.putObject("per_search_ratio");
        ratio.put("p50", ratios[ratios.length / 2]);
        ratio.put("p90", ratios[(int) (ratios.length * 0.9)]);
        ObjectNode plainRatio = result.putObject("per_search_ratio_to_plain");
        plainRatio.put("p50", plainRatios[plainRatios.length / 2]);
        plainRatio.put("p90", plainRatios[(int) (plainRatios.length * 0.9)]);
        ObjectNode kinds = result.putObject("by_kind");
        byKind.forEach((kind, h) -> {
            ObjectNode k = kinds.putObject(kind.name());
            k.put("count", h[0].getTotalCount());
            for (int arm = 0; arm < arms; arm++) {
                k.set(ARMS.get(arm), percentiles(h[arm]));
            }
        });
        ObjectNode targets = result.putObject("targets");
        double cp50 = ms(all[0], 50), rp50 = ms(all[1], 50), cp99 = ms(all[0], 99), rp99 = ms(all[1], 99);
        double pp50 = ms(all[2], 50), pp99 = ms(all[2], 99);
        targets.putObject("p50").put("limit_ms", rp50 * 1.1 + 1).put("clipfile_ms", cp50)
                .put("met", cp50 <= rp50 * 1.1 + 1);
        targets.putObject("p99").put("limit_ms", rp99 * 1.3 + 3).put("clipfile_ms", cp99)
                .put("met", cp99 <= rp99 * 1.3 + 3);
        targets.putObject("plain_p50").put("limit_ms", pp50 * 1.5).put("clipfile_ms", cp50)
                .put("ratio", cp50 / pp50).put("met", cp50 <= pp50 * 1.5);
        targets.putObject("plain_p99").put("limit_ms", pp99 * 1.5).put("clipfile_ms", cp99)
                .put("ratio", cp99 / pp99).put("met", cp99 <= pp99 * 1.5);
        targets.putObject("server_overhead_p50").put("limit_ms", 2.0).put("clipfile_ms", cp50 - rp50)
                .put("met", cp50 - rp50 <= 2.0);
        Histogram[] four = byKind.get(QuerySet.Kind.facets4);
        if (four != null) {
            double p99 = ms(four[0], 99);
            targets.putObject("facets4_p99").put("limit_ms", 100).put("clipfile_ms", p99).put("met", p99 < 100);
        }
        return result;
    }

    /** Which arm goes in a search's latency slot: the order rotates from one search to the next. */
    static int arm(int search, int slot) {
        return (search + slot) % ARMS.size();
    }

    private static Histogram histogram() {
        return new Histogram(HISTOGRAM_MAX_NANOS, 3);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    private static ObjectNode percentiles(Histogram h) {
        ObjectNode node = Http.JSON.createObjectNode();
        node.put("p50_ms", ms(h, 50));
        node.put("p90_ms", ms(h, 90));
        node.put("p99_ms", ms(h, 99));
        node.put("max_ms", h.getMaxValue() / 1e6);
        node.put("mean_ms", h.getMean() / 1e6);
        return node;
    }
}
