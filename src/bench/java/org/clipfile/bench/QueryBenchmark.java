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
 * Each search sent to Clipfile ({@code GET /api/search}) and, back to back in alternating order, as the raw request
 * Clipfile sends to Elasticsearch for it: the body built by Clipfile's own {@link SearchRequestFactory} and serialized
 * with {@link JsonpUtils}, POSTed to {@code /articles/_search?typed_keys=true} (or {@code /_search} for cursor pages,
 * which name a point in time). Open loop: requests leave at fixed intended times whatever the answers do, and a
 * latency is measured from the intended start, so a stall delays every request behind it (no coordinated omission).
 */
final class QueryBenchmark {
    static final long HISTOGRAM_MAX_NANOS = TimeUnit.MINUTES.toNanos(5);

    record Prepared(QuerySet.Query query, QuerySet.Kind kind, String clipfileUri, String rawUri, String rawBody) {}

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
     * One closed-loop pass (warm-up) that also checks the two arms agree: same total (first pages) or same number
     * of hits (cursor pages). Returns the number of disagreements, with examples in {@code examples}.
     */
    int warmUpAndCompare(List<Prepared> prepared, ArrayNode examples) throws IOException {
        int mismatches = 0;
        for (Prepared p : prepared) {
            Http.Response clip = http.get(p.clipfileUri());
            Http.Response raw = http.postJson(p.rawUri(), p.rawBody());
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

    /** The measured open-loop run at {@code pairsPerSecond} searches (two requests each) per second. */
    ObjectNode run(List<Prepared> prepared, double pairsPerSecond) throws IOException, InterruptedException {
        int total = prepared.size() * 2;
        long period = (long) (1e9 / (2 * pairsPerSecond));
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
            Prepared p = prepared.get(k / 2);
            boolean clipfileFirst = (k / 2) % 2 == 0;
            boolean clipfile = (k % 2 == 0) == clipfileFirst;
            long intended = start + k * period;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            maxSendLag = Math.max(maxSendLag, System.nanoTime() - intended);
            HttpRequest request = clipfile
                    ? http.request(p.clipfileUri()).timeout(Duration.ofMinutes(2)).GET().build()
                    : HttpRequest.newBuilder(URI.create(p.rawUri())).timeout(Duration.ofMinutes(2))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(p.rawBody())).build();
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

        Histogram clipAll = histogram();
        Histogram rawAll = histogram();
        Map<QuerySet.Kind, Histogram[]> byKind = new EnumMap<>(QuerySet.Kind.class);
        double[] ratios = new double[prepared.size()];
        int errors = 0;
        for (int i = 0; i < prepared.size(); i++) {
            boolean clipfileFirst = i % 2 == 0;
            int clipIndex = clipfileFirst ? 2 * i : 2 * i + 1;
            int rawIndex = clipfileFirst ? 2 * i + 1 : 2 * i;
            if (status[clipIndex] != 200 || status[rawIndex] != 200) {
                errors++;
            }
            long clip = Math.min(latency[clipIndex], HISTOGRAM_MAX_NANOS);
            long raw = Math.min(latency[rawIndex], HISTOGRAM_MAX_NANOS);
            clipAll.recordValue(clip);
            rawAll.recordValue(raw);
            Histogram[] kind = byKind.computeIfAbsent(prepared.get(i).kind(), k -> new Histogram[] {histogram(),
                    histogram()});
            kind[0].recordValue(clip);
            kind[1].recordValue(raw);
            ratios[i] = (double) clip / Math.max(1, raw);
        }
        Arrays.sort(ratios);

        ObjectNode result = Http.JSON.createObjectNode();
        result.put("searches", prepared.size());
        result.put("requests", total);
        result.put("target_rate_searches_per_s", pairsPerSecond);
        result.put("achieved_rate_searches_per_s", prepared.size() / seconds);
        result.put("max_send_lag_ms", maxSendLag / 1e6);
        result.put("errors", errors);
        result.put("server_cpu_ms_per_search", (double) serverCpu / prepared.size());
        result.put("es_cpu_ms_per_request", (double) esCpu / total);
        result.put("driver_cpu_ms_per_request", (double) driverCpu / total);
        result.put("other_processes_cores", otherCores);
        result.set("clipfile", percentiles(clipAll));
        result.set("raw", percentiles(rawAll));
        ObjectNode ratio = result.putObject("per_search_ratio");
        ratio.put("p50", ratios[ratios.length / 2]);
        ratio.put("p90", ratios[(int) (ratios.length * 0.9)]);
        ObjectNode kinds = result.putObject("by_kind");
        byKind.forEach((kind, h) -> {
            ObjectNode k = kinds.putObject(kind.name());
            k.put("count", h[0].getTotalCount());
            k.set("clipfile", percentiles(h[0]));
            k.set("raw", percentiles(h[1]));
        });
        ObjectNode targets = result.putObject("targets");
        double cp50 = ms(clipAll, 50), rp50 = ms(rawAll, 50), cp99 = ms(clipAll, 99), rp99 = ms(rawAll, 99);
        targets.putObject("p50").put("limit_ms", rp50 * 1.1 + 1).put("clipfile_ms", cp50)
                .put("met", cp50 <= rp50 * 1.1 + 1);
        targets.putObject("p99").put("limit_ms", rp99 * 1.3 + 3).put("clipfile_ms", cp99)
                .put("met", cp99 <= rp99 * 1.3 + 3);
        Histogram[] four = byKind.get(QuerySet.Kind.facets4);
        if (four != null) {
            double p99 = ms(four[0], 99);
            targets.putObject("facets4_p99").put("limit_ms", 100).put("clipfile_ms", p99).put("met", p99 < 100);
        }
        return result;
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
