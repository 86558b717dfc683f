package org.clipfile.enrich;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.CoreNlpEntityRecognizer;
import org.clipfile.enrich.ner.EntityRecognizer;
import org.clipfile.enrich.ner.FastEntityRecognizer;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.TokenizerOnly;
import org.clipfile.enrich.places.Gazetteer;
import org.clipfile.entity.Enrichment;

/**
 * Speed of enrichment alone, on ~750-word news articles (GUM news and the seed article cut at paragraph ends), with
 * both recognizers in the same run: CoreNLP's own pipeline and the fast recognizer (the same model run by Clipfile's
 * inference). Per recognizer: CPU per article for recognition alone and for the whole enrichment (thread CPU time
 * after a JIT warm-up), then all cores together; the start-up cost of the model; CoreNLP's tokenizer and sentence
 * splitter alone. A benchmark, not a test: it reports, never fails.
 * Run: {@code scripts/benchmark-enrich.sh} (writes {@code target/benchmark/enrich.md}).
 */
public final class EnrichBenchmark {
    private static final int WORDS_PER_ARTICLE = 750;
    private static final int WARM_UP = Integer.getInteger("warmup", 200);
    private static final int MEASURED = Integer.getInteger("measured", 400);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EnrichBenchmark() {}

    /** A recognizer and what loading it cost. */
    private record Loaded<R extends EntityRecognizer>(R recognizer, double wallSeconds, double cpuSeconds,
            double processCpuSeconds, long heapBytes) {

        @SuppressWarnings("NullAway")
        Loaded<R> withoutRecognizer() {
            return new Loaded<>(null, wallSeconds, cpuSeconds, processCpuSeconds, heapBytes);
        }
    }

    /** Figures of one recognizer, in ms of CPU per article unless named otherwise. */
    private record Figures(double recognition, double enrichment, double seed, double oneThreadWall,
            double allThreadsWall, double allThreadsCpu) {}

    public static void main(String[] args) throws Exception {
        Runtime runtime = Runtime.getRuntime();

        long heapBefore = usedHeapAfterGc(runtime);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        long gazetteerWall = System.nanoTime() - wall;
        long gazetteerCpu = THREADS.getCurrentThreadCpuTime() - cpu;
        long gazetteerHeap = usedHeapAfterGc(runtime) - heapBefore;

        // CoreNLP's classes and the tokenizer both use are loaded first (and cached by CoreNLP), so that each
        // recognizer's load below counts only its own model.
        new StanfordCoreNLP(TokenizerOnly.properties()).process("Warm-up in Paris.");
        Loaded<FastEntityRecognizer> fastLoaded = load(runtime, FastEntityRecognizer::new);
        Loaded<CoreNlpEntityRecognizer> coreNlpLoaded = load(runtime, CoreNlpEntityRecognizer::new);
        FastEntityRecognizer fast = fastLoaded.recognizer();
        CoreNlpEntityRecognizer coreNlp = coreNlpLoaded.recognizer();
        fastLoaded = fastLoaded.withoutRecognizer();
        coreNlpLoaded = coreNlpLoaded.withoutRecognizer();

        List<String> articles = articles();
        double words = articles.stream().mapToInt(a -> a.split("\\s+").length).average().orElse(0);
        String seed = Files.isRegularFile(SeedArticleTests.SEED)
                ? Files.readString(SeedArticleTests.SEED, StandardCharsets.UTF_8) : null;

        TokenizerOnly tokenizer = new TokenizerOnly(fast);
        double tokenizerMillis = cpuMillisPerArticle(articles, tokenizer::split);
        Figures coreNlpFigures = measure(coreNlp, gazetteer, articles, seed, runtime);
        Figures fastFigures = measure(fast, gazetteer, articles, seed, runtime);

        // Clipfile's own steps alone: the recognizer's answers are computed once and replayed.
        Map<String, List<Mention>> recognized = new HashMap<>();
        for (String article : articles) {
            recognized.put(article, fast.recognize(article));
        }
        Enricher replaying = new Enricher(recognized::get, AliasRegistry.loadDefault(), gazetteer);
        double resolutionMillis = cpuMillisPerArticle(articles, a -> replaying.enrich("", a).people().size());

        // What each recognizer holds, caches included: the heap freed when it is dropped.
        long heapWithBoth = usedHeapAfterGc(runtime);
        coreNlp = null;
        long heapWithFast = usedHeapAfterGc(runtime);
        fast = null;
        tokenizer = null;
        long heapWithNone = usedHeapAfterGc(runtime);
        long coreNlpHeld = heapWithBoth - heapWithFast;
        long fastHeld = heapWithFast - heapWithNone;

        int cores = runtime.availableProcessors();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                # Enrichment speed

                Generated by `scripts/benchmark-enrich.sh` on %d cores (%s, Java %s).
                %d articles of %.0f words on average (GUM news and the seed article cut at paragraph ends);
                %d warm-up runs, then %d measured runs per thread. CPU is the measuring thread's CPU time.

                | measure | CoreNLP | fast | fast's gain |
                |---|---:|---:|---:|
                """, cores, System.getProperty("os.arch"), System.getProperty("java.version"), articles.size(), words,
                WARM_UP, MEASURED));
        row(report, "CPU per article, recognition alone (ms)", coreNlpFigures.recognition(),
                fastFigures.recognition());
        row(report, "CPU per article, whole enrichment (ms)", coreNlpFigures.enrichment(), fastFigures.enrichment());
        rate(report, "articles/s per core, recognition alone", 1000 / coreNlpFigures.recognition(),
                1000 / fastFigures.recognition());
        rate(report, "articles/s per core, whole enrichment", 1000 / coreNlpFigures.enrichment(),
                1000 / fastFigures.enrichment());
        row(report, "CPU, recognition of the 530-word seed article (ms)", coreNlpFigures.seed(), fastFigures.seed());
        rate(report, "articles/s, one thread (wall clock)", coreNlpFigures.oneThreadWall(),
                fastFigures.oneThreadWall());
        rate(report, "articles/s, " + cores + " threads (wall clock)", coreNlpFigures.allThreadsWall(),
                fastFigures.allThreadsWall());
        row(report, "CPU per article, " + cores + " threads (ms)", coreNlpFigures.allThreadsCpu(),
                fastFigures.allThreadsCpu());
        row(report, "model load, wall (s)", coreNlpLoaded.wallSeconds(), fastLoaded.wallSeconds());
        row(report, "model load, CPU of the loading thread (s)", coreNlpLoaded.cpuSeconds(),
                fastLoaded.cpuSeconds());
        row(report, "model load, CPU of the process: JIT and GC too (s)", coreNlpLoaded.processCpuSeconds(),
                fastLoaded.processCpuSeconds());
        row(report, "heap on load (MB)",
                coreNlpLoaded.heapBytes() / 1e6, fastLoaded.heapBytes() / 1e6);
        row(report, "heap held after the runs, caches included (MB freed when dropped)", coreNlpHeld / 1e6,
                fastHeld / 1e6);
        report.append(String.format(Locale.ROOT, """

                | measure | value |
                |---|---:|
                | CPU per article, CoreNLP's tokenizer and sentence splitter alone (both run them) | %.2f ms |
                | CPU per article, Clipfile's resolution steps alone (answers replayed) | %.2f ms |
                | gazetteer load (wall / CPU) | %.2f s / %.2f s |
                | gazetteer heap | %d MB |
                | gazetteer places / resource size | %d / %.1f MB |

                Load average at the end: %s (the machine is shared: CPU time per article grows when it is busy).
                """, tokenizerMillis, resolutionMillis, gazetteerWall / 1e9, gazetteerCpu / 1e9, gazetteerHeap >> 20,
                gazetteer.size(), resourceMegabytes(), loadAverage()));
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("enrich.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private static <R extends EntityRecognizer> Loaded<R> load(Runtime runtime, Supplier<R> loader)
            throws InterruptedException {
        long heapBefore = usedHeapAfterGc(runtime);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpu = os.getProcessCpuTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        R recognizer = loader.get();
        long wallNanos = System.nanoTime() - wall;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        long processCpuNanos = os.getProcessCpuTime() - processCpu;
        return new Loaded<>(recognizer, wallNanos / 1e9, cpuNanos / 1e9, processCpuNanos / 1e9,
                usedHeapAfterGc(runtime) - heapBefore);
    }

    private static Figures measure(EntityRecognizer recognizer, Gazetteer gazetteer, List<String> articles,
            String seed, Runtime runtime) throws Exception {
        Enricher enricher = new Enricher(recognizer, AliasRegistry.loadDefault(), gazetteer);
        long wall = System.nanoTime();
        double enrichment = cpuMillisPerArticle(articles, a -> enricher.enrich("", a).people().size());
        double oneThreadWall = (WARM_UP + MEASURED) / ((System.nanoTime() - wall) / 1e9);
        double recognition = cpuMillisPerArticle(articles, a -> recognizer.recognize(a).size());
        double seedMillis = seed == null ? Double.NaN
                : cpuMillisPerArticle(List.of(seed), a -> recognizer.recognize(a).size());

        int cores = runtime.availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        List<Future<Long>> cpuPerThread = new ArrayList<>();
        wall = System.nanoTime();
        for (int t = 0; t < cores; t++) {
            int offset = t;
            cpuPerThread.add(pool.submit(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < MEASURED; i++) {
                    enricher.enrich("", articles.get((i + offset * 7) % articles.size()));
                }
                return THREADS.getCurrentThreadCpuTime() - start;
            }));
        }
        long allCpu = 0;
        for (Future<Long> f : cpuPerThread) {
            allCpu += f.get();
        }
        double allWallSeconds = (System.nanoTime() - wall) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%s: recognition %.2f ms, enrichment %.2f ms of CPU per article%n",
                recognizer.getClass().getSimpleName(), recognition, enrichment);
        return new Figures(recognition, enrichment, seedMillis, oneThreadWall, cores * MEASURED / allWallSeconds,
                allCpu / 1e6 / (cores * MEASURED));
    }

    /** Warms up, then returns the CPU milliseconds per call of the measuring thread. */
    private static double cpuMillisPerArticle(List<String> articles, ToIntFunction<String> work)
            throws InterruptedException {
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += work.applyAsInt(articles.get(i % articles.size()));
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += work.applyAsInt(articles.get(i % articles.size()));
        }
        double millis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / MEASURED;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return millis;
    }

    /** A cost: the gain is CoreNLP's cost over the fast one's. */
    private static void row(StringBuilder report, String measure, double coreNlp, double fast) {
        report.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1fx |%n", measure, coreNlp, fast,
                coreNlp / fast));
    }

    /** A rate: the gain is the fast rate over CoreNLP's. */
    private static void rate(StringBuilder report, String measure, double coreNlp, double fast) {
        report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1fx |%n", measure, coreNlp, fast,
                fast / coreNlp));
    }

    /** ~750-word articles: GUM news documents and the seed article, split or joined at paragraph ends. */
    static List<String> articles() throws IOException {
        List<String> sources = new ArrayList<>();
        if (Files.isDirectory(NerEvaluation.GUM)) {
            GumNews.read(NerEvaluation.GUM).forEach(d -> sources.add(d.text()));
        }
        if (Files.isRegularFile(SeedArticleTests.SEED)) {
            sources.add(Files.readString(SeedArticleTests.SEED, StandardCharsets.UTF_8));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("Neither GUM news nor the seed article is in ../shared/corpora");
        }
        List<String> articles = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        for (String source : sources) {
            for (String paragraph : source.split("\n\n")) {
                current.append(paragraph).append("\n\n");
                words += paragraph.split("\\s+").length;
                if (words >= WORDS_PER_ARTICLE) {
                    articles.add(current.toString().strip());
                    current.setLength(0);
                    words = 0;
                }
            }
        }
        return articles;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long usedHeapAfterGc(Runtime runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double resourceMegabytes() throws IOException {
        try (var in = Gazetteer.class.getResourceAsStream(Gazetteer.DEFAULT_RESOURCE)) {
            return in == null ? 0 : in.readAllBytes().length / 1e6;
        }
    }
}
