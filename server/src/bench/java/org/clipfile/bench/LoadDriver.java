package org.clipfile.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load test of issue 7 (a benchmark, not part of the test run): many concurrent searchers, closed loop, against
 * a running server while an import runs; then checks that the import lost nothing. Run by
 * {@code scripts/load-test.sh}, which starts the server and says where the report is.
 *
 * <p>Arguments: server URL, folder to import (as the server sees it), include glob, searchers, seconds, report
 * file, and the administrator's password, with which it logs in once to make an API key for the run.
 */
public final class LoadDriver {
    private static final List<String> QUERIES = List.of("q=oil", "q=trade%20deficit", "q=%22interest%20rates%22",
            "q=bank*&sort=newest", "q=opec%20OR%20crude", "q=grain%20-wheat", "q=dollar&country=US",
            "q=shares&source=Reuters&facet_size=20", "q=coffee&from=1987-01&to=1987-12",
            "q=merger%20acquisition&sort=oldest&size=50", "country=JP", "q=gold&place=place%3Acountry%3AZA",
            "q=tokyo~", "q=%22money%20supply%22~3", "");

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        String folder = args[1];
        String include = args[2];
        int searchers = Integer.parseInt(args[3]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[4]));
        Path report = Path.of(args[5]);
        Http control = new Http();
        control.mintApiKey(args[0].replaceAll("/$", ""), "admin", args[6], "editor");
        String apiKey = control.apiKeyForLoad();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String job = post(http, server.resolve("/api/imports"), "{\"path\": \"" + folder + "\", \"include\": \""
                + include + "\"}", apiKey).get("id").asString();
        System.out.println("Import " + job + " started; " + searchers + " searchers for " + length.toSeconds() + " s");

        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
        Instant end = Instant.now().plus(length);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < searchers; s++) {
            int first = s;
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                int i = first;
                while (Instant.now().isBefore(end)) {
                    String query = QUERIES.get(i++ % QUERIES.size());
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request(server.resolve("/api/search?" + query),
                                apiKey).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - start;
                    }
                }
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        JsonNode status = waitForImport(http, server, job, apiKey);
        long total = get(http, server.resolve("/api/search?size=1"), apiKey).get("total").asLong();

        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        String text = String.format(Locale.ROOT, """
                # Load test

                - when: %s; machine: %d cores; load average at the end: %s
                - %d concurrent searchers, closed loop, for %d s, while importing `%s` (%s)
                - searches: %d, throughput %.1f/s, errors %d %s
                - latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms
                - import: status %s, processed %d, indexed %d (replaced %d), failed %d; articles searchable after: %d
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage(), searchers,
                length.toSeconds(), folder, include, all.length, all.length / (double) length.toSeconds(),
                errorCount, errors, percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, status.get("status").asString(),
                status.get("processed").asLong(), status.get("indexed").asLong(), status.get("replaced").asLong(),
                status.get("failed").asLong(), total);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println(text);
        boolean lost = status.get("indexed").asLong() + status.get("failed").asLong()
                != status.get("processed").asLong();
        if (errorCount > 0 || lost || !status.get("status").asString().equals("completed")) {
            System.out.println("TARGET MISSED: errors or lost articles");
            System.exit(1);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static HttpRequest.Builder request(URI uri, String apiKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        return apiKey == null ? builder : builder.header("Authorization", "ApiKey " + apiKey);
    }

    private static JsonNode post(HttpClient http, URI uri, String json, String apiKey) throws Exception {
        HttpResponse<String> response = http.send(request(uri, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.shared().readTree(response.body());
    }

    private static JsonNode get(HttpClient http, URI uri, String apiKey) throws Exception {
        HttpResponse<String> response = http.send(request(uri, apiKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.shared().readTree(response.body());
    }

    private static JsonNode waitForImport(HttpClient http, URI server, String job, String apiKey) throws Exception {
        while (true) {
            JsonNode status = get(http, server.resolve("/api/imports/" + job), apiKey);
            String state = status.path("status").asString();
            if (!state.equals("running") && !state.equals("queued")) {
                return status;
            }
            Thread.sleep(1000);
        }
    }
}
