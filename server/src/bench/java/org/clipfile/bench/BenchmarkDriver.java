package org.clipfile.bench;

import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.clipfile.article.Article;
import org.clipfile.index.BenchBulkWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark harness (issue 8): starts Elasticsearch and the Clipfile server, runs the ingest trials, the stage
 * costs, and the query benchmark at growing archive sizes, and writes {@code target/benchmark/results.json},
 * {@code report.md} and {@code benchmark.svg}. Run through {@code scripts/benchmark.sh}.
 */
public final class BenchmarkDriver {

    record Options(boolean quick, int articles, int rounds, int stageDocs, int queries, double rate,
            List<Integer> scales, String corpus, String esHeap, String serverHeap, int chunk, boolean searchOnly) {

        static Options parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            boolean searchOnly = List.of(args).contains("--search-only");
            int articles = quick ? 1000 : 2000;
            int rounds = quick ? 1 : 2;
            int stageDocs = quick ? 300 : 600;
            int queries = quick ? 240 : 480;
            double rate = 5;
            List<Integer> scales = quick ? List.of(10_000) : List.of(10_000, 100_000);
            String corpus = "../shared/corpora/news/reuters21578";
            String esHeap = "1g";
            String serverHeap = "1g";
            int chunk = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick", "--search-only" -> { }
                    case "--articles" -> articles = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--stage-docs" -> stageDocs = Integer.parseInt(args[++i]);
                    case "--queries" -> queries = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--scales" -> scales = List.of(args[++i].split(",")).stream().map(String::strip)
                            .map(BenchmarkDriver::count).toList();
                    case "--corpus" -> corpus = args[++i];
                    case "--es-heap" -> esHeap = args[++i];
                    case "--server-heap" -> serverHeap = args[++i];
                    case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + usage());
                }
            }
            if (chunk <= 0) {
                int largest = scales.stream().mapToInt(Integer::intValue).max().orElse(10_000);
                chunk = Math.clamp(largest / 20, 1000, 50_000);
            }
            return new Options(quick, articles, rounds, stageDocs, queries, rate, scales, corpus, esHeap, serverHeap,
                    chunk, searchOnly);
        }

        static String usage() {
            return "\nusage: scripts/benchmark.sh [--quick] [--search-only] [--articles N] [--rounds R] [--scales 10k,100k,1m] "
                    + "[--queries Q] [--rate searches/s] [--stage-docs N] [--chunk N] [--es-heap 1g] "
                    + "[--server-heap 1g] [--corpus DIR]\n       scripts/benchmark.sh --report target/benchmark/results.json";
        }
    }

    private BenchmarkDriver() {}

    static int count(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.endsWith("k")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1000;
        }
        if (t.endsWith("m")) {
            return Integer.parseInt(t.substring(0, t.length() - 1)) * 1_000_000;
        }
        return Integer.parseInt(t);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--report")) {
            // Re-renders report.md and benchmark.svg next to an existing results.json.
            Path results = Path.of(args[1]);
            JsonNode r = Http.JSON.readTree(Files.readString(results));
            Files.writeString(results.resolveSibling("benchmark.svg"), Report.svg(r));
            Files.writeString(results.resolveSibling("report.md"), Report.markdown(r));
            return;
        }
        Options o = Options.parse(args);
        Path out = Path.of("target/benchmark");
        Files.createDirectories(out);
        ObjectNode results = Http.JSON.createObjectNode();
        results.put("started_at", Instant.now().toString());
        results.set("machine", machine());
        results.set("options", Http.JSON.valueToTree(o));
        List<String> stories = Corpus.reutersStories(Path.of(o.corpus()), o.articles());
        if (stories == null) {
            String reason = o.corpus() + " (Reuters-21578, reut2-*.sgm) is absent: nothing was measured";
            System.out.println("[bench] SKIPPED: " + reason);
            results.put("skipped", reason);
            Files.writeString(out.resolve("results.json"), results.toPrettyString());
            Files.deleteIfExists(out.resolve("report.md"));
            Files.deleteIfExists(out.resolve("benchmark.svg"));
            return;
        }
        Path archive = Corpus.write(out.resolve("corpus/reuters-" + stories.size() + ".sgm"), stories);
        System.out.println("[bench] " + stories.size() + " Reuters stories in " + archive);
        Http http = new Http();
        Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();
        try (Cluster cluster = Cluster.start(out, o.esHeap(), o.serverHeap(), http)) {
            // Ctrl-C or SIGTERM: the server and Elasticsearch stop too (a SIGKILL leaves the watchdog to stop the node).
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            Indices indices = new Indices(http, cluster.esUri());
            IngestBenchmark ingest = new IngestBenchmark(cluster, http, indices);

            // Warm-up import (unmeasured): warms the server's JIT and gives the final documents to capture.
            System.out.println("[bench] warm-up import of " + stories.size() + " stories");
            ingest.importArchive(archive);
            List<Indices.Doc> captured = new ArrayList<>(indices.capture(Indices.ALIAS));
            captured.sort(Comparator.comparing(Indices.Doc::id));
            List<byte[]> bodies = Indices.bulkBodies(captured);
            System.out.println("[bench] captured " + captured.size() + " final documents");

            if (!o.searchOnly()) {
                ingestTrials(o, results, cluster, indices, ingest, captured, bodies, archive, stories.size(), mapper);
                save(out, results);
            }
            searchLevels(o, results, out, cluster, indices, http, mapper, captured);
        }
        results.put("finished_at", Instant.now().toString());

        results.put("load_average_end", Cpu.loadAverage());
        Files.writeString(out.resolve("results.json"), results.toPrettyString());
        Files.writeString(out.resolve("benchmark.svg"), Report.svg(results));
        Files.writeString(out.resolve("report.md"), Report.markdown(results));
        System.out.println("[bench] wrote " + out.resolve("results.json") + ", report.md, benchmark.svg");
    }

    /** The import and re-index trials and the stage costs (skipped with {@code --search-only}). */
    private static void ingestTrials(Options o, ObjectNode results, Cluster cluster, Indices indices,
            IngestBenchmark ingest, List<Indices.Doc> captured, List<byte[]> bodies, Path archive, int storyCount,
            Jackson3JsonpMapper mapper) throws Exception {
        ObjectNode ingestNode = results.putObject("ingest");
        ingestNode.put("archive_stories", storyCount);
        ingestNode.put("captured_documents", captured.size());
        ingest.rawTrial("warm-up", bodies, captured.size(), 0);
        List<IngestBenchmark.Trial> importTrials = new ArrayList<>();
        for (int round = 1; round <= o.rounds(); round++) {
            importTrials.add(log(ingest.rawTrial("raw-bulk", bodies, captured.size(), round)));
            importTrials.add(log(ingest.clipfileTrial(archive, round)));
            importTrials.add(log(ingest.clipfileTrial(archive, round)));
            importTrials.add(log(ingest.rawTrial("raw-bulk", bodies, captured.size(), round)));
        }
        ingestNode.set("import_trials", Http.JSON.valueToTree(importTrials));
        // Elasticsearch's CPU while nobody writes or searches: part of every long trial's CPU per document.
        long idle0 = cluster.esCpuMillis();
        long idleStart = System.nanoTime();
        Thread.sleep(10_000);
        double idlePerSecond = (cluster.esCpuMillis() - idle0) / ((System.nanoTime() - idleStart) / 1e9);
        ingestNode.put("es_idle_cpu_ms_per_s", idlePerSecond);
        ingestNode.put("es_cpu_ms_per_doc_clipfile_import_less_idle", importTrials.stream()
                .filter(t -> t.arm().equals("clipfile-import"))
                .mapToDouble(t -> (t.esCpuMs() - idlePerSecond * t.wallMs() / 1000) / t.docs()).average()
                .orElse(0));

        List<Article> articles = IngestBenchmark.articles(captured);
        ingest.bulkWriterTrial(articles, 0);
        List<IngestBenchmark.Trial> reindexTrials = new ArrayList<>();
        for (int round = 1; round <= o.rounds(); round++) {
            reindexTrials.add(log(ingest.rawTrial("raw-bulk", bodies, captured.size(), round)));
            reindexTrials.add(log(ingest.bulkWriterTrial(articles, round)));
            reindexTrials.add(log(ingest.bulkWriterTrial(articles, round)));
            reindexTrials.add(log(ingest.rawTrial("raw-bulk", bodies, captured.size(), round)));
        }
        indices.delete(IngestBenchmark.RAW_INDEX);
        indices.delete(IngestBenchmark.REINDEX_INDEX);
        ingestNode.set("reindex_trials", Http.JSON.valueToTree(reindexTrials));

        System.out.println("[bench] stage costs on up to " + o.stageDocs() + " stories (this JVM, one thread)");
        StageCosts.Result stages = StageCosts.measure(archive, o.stageDocs(), mapper);
        ObjectNode stageNode = Http.JSON.valueToTree(stages);
        stageNode.put("entities_ms", stages.entitiesMs());
        stageNode.put("clipfile_cpu_ms", stages.clipfileCpuMs());
        ingestNode.set("stage_costs_ms_per_doc", stageNode);
        summarizeIngest(ingestNode, importTrials, reindexTrials, stages);
    }

    /** The query benchmark at growing archive sizes, the archive grown with variants of the captured articles. */
    private static void searchLevels(Options o, ObjectNode results, Path out, Cluster cluster, Indices indices,
            Http http, Jackson3JsonpMapper mapper, List<Indices.Doc> captured) throws Exception {
        // Query benchmark at growing sizes.
        List<JsonNode> sources = captured.stream().map(d -> Http.JSON.readTree(d.source())).toList();
        List<QuerySet.Query> queries = QuerySet.generate(sources, o.queries());
        QueryBenchmark search = new QueryBenchmark(cluster, http, mapper);
        var span = search.span();
        Variants variants = new Variants(sources, span.min(), span.max());
        TreeSet<Integer> levels = new TreeSet<>(o.scales());
        levels.add((int) indices.count(Indices.ALIAS));
        ArrayNode levelNodes = results.putArray("levels");
        ArrayNode chunks = results.putArray("growth_chunks");
        long nextVariant = 0;
        int chunkNumber = 0;
        for (int level : levels) {
            long current = indices.count(Indices.ALIAS);
            while (current < level) {
                int n = (int) Math.min(o.chunk(), level - current);
                List<Indices.Doc> docs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    docs.add(variants.variant(nextVariant++));
                }
                chunks.add(loadChunk(cluster, indices, docs, current, chunkNumber++ % 2 == 0));
                current = indices.count(Indices.ALIAS);
            }
            indices.refresh(Indices.ALIAS);
            ObjectNode levelNode = levelNodes.addObject();
            JsonNode stats = indices.stats(Indices.ALIAS).path("_all").path("primaries");
            long docsCount = stats.path("docs").path("count").asLong();
            long bytes = stats.path("store").path("size_in_bytes").asLong();
            levelNode.put("articles", docsCount);
            levelNode.put("index_bytes", bytes);
            levelNode.put("index_bytes_per_article", (double) bytes / Math.max(1, docsCount));
            levelNode.put("server_live_heap_bytes", cluster.serverLiveHeapBytes());
            levelNode.put("load_average_before", Cpu.loadAverage());
            System.out.println("[bench] query benchmark at " + docsCount + " articles");
            List<QueryBenchmark.Prepared> prepared = search.prepare(queries);
            ArrayNode examples = Http.JSON.createArrayNode();
            int mismatches = search.warmUpAndCompare(prepared, examples);
            levelNode.put("arm_disagreements", mismatches);
            levelNode.set("disagreement_examples", examples);
            ObjectNode q = search.run(prepared, o.rate());
            levelNode.set("query", q);
            levelNode.put("load_average_after", Cpu.loadAverage());
            System.out.printf(Locale.ROOT, "[bench]   p50 %.1f / %.1f / %.1f ms, p99 %.1f / %.1f / %.1f ms "
                    + "(Clipfile / its request raw / plain hand-written request)%n",
                    q.path("clipfile").path("p50_ms").asDouble(), q.path("raw").path("p50_ms").asDouble(),
                    q.path("plain").path("p50_ms").asDouble(), q.path("clipfile").path("p99_ms").asDouble(),
                    q.path("raw").path("p99_ms").asDouble(), q.path("plain").path("p99_ms").asDouble());
            save(out, results);
        }
        results.set("growth", Report.fits(levelNodes, chunks));
    }

    /** The results so far, so that a run that fails late keeps what it measured. */
    private static void save(Path out, ObjectNode results) throws IOException {
        Files.writeString(out.resolve("results.json"), results.toPrettyString());
    }

    /** One chunk of variants, by raw _bulk or by Clipfile's bulk writer, timed with the index size before it. */
    private static ObjectNode loadChunk(Cluster cluster, Indices indices, List<Indices.Doc> docs, long before,
            boolean raw) throws Exception {
        List<byte[]> bodies = raw ? Indices.bulkBodies(docs) : null;
        List<Article> articles = raw ? null : IngestBenchmark.articles(docs);
        long es0 = cluster.esCpuMillis();
        long driver0 = Cpu.millis(ProcessHandle.current());
        long machine0 = Cpu.machineBusyMillis();
        long t0 = System.nanoTime();
        if (raw) {
            indices.bulk(Indices.ALIAS, bodies);
            indices.refresh(Indices.ALIAS);
        } else {
            BenchBulkWriter.write(cluster.client(), Indices.ALIAS, articles);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        ObjectNode chunk = Http.JSON.createObjectNode();
        chunk.put("arm", raw ? "raw-bulk" : "clipfile-bulkwriter");
        chunk.put("articles_before", before);
        chunk.put("docs", docs.size());
        chunk.put("wall_ms", wall);
        chunk.put("docs_per_s", docs.size() * 1000.0 / wall);
        long esCpu = cluster.esCpuMillis() - es0;
        long driverCpu = Cpu.millis(ProcessHandle.current()) - driver0;
        chunk.put("es_cpu_ms_per_doc", (double) esCpu / docs.size());
        chunk.put("driver_cpu_ms_per_doc", (double) driverCpu / docs.size());
        chunk.put("other_processes_cores", Math.max(0, Cpu.machineBusyMillis() - machine0 - esCpu - driverCpu) / wall);
        System.out.printf(Locale.ROOT, "[bench]   %s %d variants at %d articles: %.0f docs/s%n",
                chunk.path("arm").asString(), docs.size(), before, chunk.path("docs_per_s").asDouble());
        return chunk;
    }

    private static void summarizeIngest(ObjectNode node, List<IngestBenchmark.Trial> imports,
            List<IngestBenchmark.Trial> reindex, StageCosts.Result stages) {
        ObjectNode summary = node.putObject("summary");
        int cores = Runtime.getRuntime().availableProcessors();
        ObjectNode importArms = summary.putObject("import");
        double clipRate = arm(importArms, imports, "clipfile-import");
        double rawRate = arm(importArms, imports, "raw-bulk");
        importArms.put("ratio_clipfile_to_raw", clipRate / rawRate);
        List<IngestBenchmark.Trial> clip = imports.stream().filter(t -> t.arm().equals("clipfile-import")).toList();
        double esPerDoc = imports.stream().filter(t -> t.arm().equals("raw-bulk"))
                .mapToDouble(t -> (double) t.esCpuMs() / t.docs()).average().orElse(0);
        double cpuPerDoc = stages.clipfileCpuMs() + esPerDoc;
        double otherCores = clip.stream().mapToDouble(IngestBenchmark.Trial::otherCores).average().orElse(0);
        double available = Math.max(0.1, cores - otherCores);
        double predictedIdle = cores * 1000.0 / cpuPerDoc;
        double predicted = available * 1000.0 / cpuPerDoc;
        ObjectNode prediction = summary.putObject("predicted_import");
        prediction.put("model", "rate = cores available x 1000 / (Clipfile's stage CPU per doc + Elasticsearch's "
                + "CPU per doc in the raw bulk trials); the import's parser threads (one per core) and its writer "
                + "overlap, so CPU is the bound unless something stalls");
        prediction.put("cores", cores);
        prediction.put("cores_used_by_other_processes", otherCores);
        prediction.put("cores_available", available);
        prediction.put("clipfile_stage_cpu_ms_per_doc", stages.clipfileCpuMs());
        prediction.put("elasticsearch_cpu_ms_per_doc_raw_bulk", esPerDoc);
        prediction.put("server_cpu_ms_per_doc_measured", clip.stream().mapToLong(IngestBenchmark.Trial::serverCpuMs)
                .sum() / (double) Math.max(1, clip.stream().mapToLong(IngestBenchmark.Trial::docs).sum()));
        long clipDocs = Math.max(1, clip.stream().mapToLong(IngestBenchmark.Trial::docs).sum());
        prediction.put("server_jit_cpu_ms_per_doc", clip.stream().mapToLong(IngestBenchmark.Trial::serverJitMs)
                .sum() / (double) clipDocs);
        prediction.put("server_gc_cpu_ms_per_doc", clip.stream().mapToLong(IngestBenchmark.Trial::serverGcMs)
                .sum() / (double) clipDocs);
        prediction.put("elasticsearch_cpu_ms_per_doc_measured", clip.stream()
                .mapToLong(IngestBenchmark.Trial::esCpuMs).sum() / (double) clipDocs);
        // Stalls are time with a core idle: the busy share of the machine's cores during the imports says how much.
        prediction.put("machine_busy_share", clip.stream().mapToDouble(t -> t.busyShare(cores)).average()
                .orElse(0));
        prediction.put("predicted_docs_per_s_idle_machine", predictedIdle);
        prediction.put("predicted_docs_per_s", predicted);
        prediction.put("measured_docs_per_s", clipRate);
        prediction.put("ratio", clipRate / predicted);
        prediction.put("ratio_idle_machine", clipRate / predictedIdle);
        prediction.put("target", 0.85);
        prediction.put("met", clipRate / predicted >= 0.85);
        ObjectNode reindexArms = summary.putObject("reindex");
        double bw = arm(reindexArms, reindex, "clipfile-bulkwriter");
        double raw = arm(reindexArms, reindex, "raw-bulk");
        reindexArms.put("ratio_clipfile_to_raw", bw / raw);
        reindexArms.put("target", 0.8);
        reindexArms.put("met", bw / raw >= 0.8);
    }

    /** Rate (all documents over all wall time of the arm's trials) and CPU per document; returns the rate. */
    private static double arm(ObjectNode parent, List<IngestBenchmark.Trial> trials, String arm) {
        List<IngestBenchmark.Trial> mine = trials.stream().filter(t -> t.arm().equals(arm)).toList();
        double docs = mine.stream().mapToLong(IngestBenchmark.Trial::docs).sum();
        double wall = mine.stream().mapToDouble(IngestBenchmark.Trial::wallMs).sum();
        ObjectNode node = parent.putObject(arm);
        node.put("trials", mine.size());
        node.put("docs_per_s", docs * 1000 / wall);
        node.put("docs_per_s_min", mine.stream().mapToDouble(IngestBenchmark.Trial::docsPerSecond).min().orElse(0));
        node.put("docs_per_s_max", mine.stream().mapToDouble(IngestBenchmark.Trial::docsPerSecond).max().orElse(0));
        node.put("server_cpu_ms_per_doc", mine.stream().mapToLong(IngestBenchmark.Trial::serverCpuMs).sum() / docs);
        node.put("es_cpu_ms_per_doc", mine.stream().mapToLong(IngestBenchmark.Trial::esCpuMs).sum() / docs);
        node.put("driver_cpu_ms_per_doc", mine.stream().mapToLong(IngestBenchmark.Trial::driverCpuMs).sum() / docs);
        node.put("other_processes_cores", mine.stream().mapToDouble(IngestBenchmark.Trial::otherCores).average()
                .orElse(0));
        return docs * 1000 / wall;
    }

    private static IngestBenchmark.Trial log(IngestBenchmark.Trial t) {
        System.out.printf(Locale.ROOT, "[bench]   %-20s round %d: %d docs in %.1f s = %.0f docs/s (server %d ms, "
                + "Elasticsearch %d ms CPU; other processes %.2f cores)%n", t.arm(), t.round(), t.docs(),
                t.wallMs() / 1000, t.docsPerSecond(), t.serverCpuMs(), t.esCpuMs(), t.otherCores());
        return t;
    }

    private static ObjectNode machine() throws IOException {
        ObjectNode m = Http.JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String cpuinfo = Files.exists(Path.of("/proc/cpuinfo")) ? Files.readString(Path.of("/proc/cpuinfo")) : "";
        m.put("cpu", cpuinfo.lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown"));
        String meminfo = Files.exists(Path.of("/proc/meminfo")) ? Files.readString(Path.of("/proc/meminfo")) : "";
        m.put("memory", meminfo.lines().filter(l -> l.startsWith("MemTotal")).findFirst().orElse("unknown"));
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load_average_start", Cpu.loadAverage());
        return m;
    }
}
