package org.clipfile.enrich;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.CoreNlpEntityRecognizer;
import org.clipfile.enrich.places.Gazetteer;

/**
 * Speed of enrichment alone, on ~700-word news articles (GUM news and the seed article cut at paragraph ends):
 * articles per second per core from thread CPU time after a JIT warm-up, then all cores together; and the
 * start-up cost of the gazetteer and the CoreNLP model. A benchmark, not a test: it reports, never fails.
 * Run: {@code scripts/benchmark-enrich.sh} (writes {@code target/benchmark/enrich.md}).
 */
public final class EnrichBenchmark {
    private static final int WORDS_PER_ARTICLE = 700;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 400;

    private EnrichBenchmark() {}

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Runtime runtime = Runtime.getRuntime();

        long heapBefore = usedHeapAfterGc(runtime);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        long gazetteerWall = System.nanoTime() - wall;
        long gazetteerCpu = threads.getCurrentThreadCpuTime() - cpu;
        long gazetteerHeap = usedHeapAfterGc(runtime) - heapBefore;

        heapBefore = usedHeapAfterGc(runtime);
        cpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer();
        long modelWall = System.nanoTime() - wall;
        long modelCpu = threads.getCurrentThreadCpuTime() - cpu;
        long modelHeap = usedHeapAfterGc(runtime) - heapBefore;

        Enricher enricher = new Enricher(recognizer, AliasRegistry.loadDefault(), gazetteer);
        List<String> articles = articles();
        double words = articles.stream().mapToInt(a -> a.split("\\s+").length).average().orElse(0);

        for (int i = 0; i < WARM_UP; i++) {
            enricher.enrich("", articles.get(i % articles.size()));
        }
        cpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            enricher.enrich("", articles.get(i % articles.size()));
        }
        double oneCoreCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double oneCoreWallSeconds = (System.nanoTime() - wall) / 1e9;

        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            recognizer.recognize(articles.get(i % articles.size()));
        }
        double nerCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        // Clipfile's own steps alone: the recognizer's answers are computed once and replayed.
        java.util.Map<String, List<org.clipfile.enrich.ner.Mention>> recognized = new java.util.HashMap<>();
        articles.forEach(a -> recognized.put(a, recognizer.recognize(a)));
        Enricher replaying = new Enricher(recognized::get, AliasRegistry.loadDefault(), gazetteer);
        for (int i = 0; i < WARM_UP; i++) {
            replaying.enrich("", articles.get(i % articles.size()));
        }
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            replaying.enrich("", articles.get(i % articles.size()));
        }
        double resolutionCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;

        // The reference figure: CoreNLP alone on the seed article (about 11 ms of CPU when it was written).
        double seedMillis = Double.NaN;
        if (Files.isRegularFile(SeedArticleTests.SEED)) {
            String seed = Files.readString(SeedArticleTests.SEED, StandardCharsets.UTF_8);
            cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED; i++) {
                recognizer.recognize(seed);
            }
            seedMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / MEASURED;
        }

        int cores = runtime.availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        List<Future<Long>> cpuPerThread = new ArrayList<>();
        wall = System.nanoTime();
        for (int t = 0; t < cores; t++) {
            int offset = t;
            cpuPerThread.add(pool.submit(() -> {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < MEASURED; i++) {
                    enricher.enrich("", articles.get((i + offset * 7) % articles.size()));
                }
                return threads.getCurrentThreadCpuTime() - start;
            }));
        }
        long allCpu = 0;
        for (Future<Long> f : cpuPerThread) {
            allCpu += f.get();
        }
        double allWallSeconds = (System.nanoTime() - wall) / 1e9;
        pool.shutdown();

        double perCore = MEASURED / oneCoreCpuSeconds;
        String report = String.format(Locale.ROOT, """
                # Enrichment speed

                Generated by `scripts/benchmark-enrich.sh` on %d cores (%s, Java %s).
                %d articles of %.0f words on average (GUM news and the seed article cut at paragraph ends);
                %d warm-up runs, then %d measured runs per thread.

                | measure | value |
                |---|---:|
                | articles/s per core (thread CPU time) | %.1f |
                | CPU per article, enrichment | %.2f ms |
                | CPU per article, CoreNLP recognition alone | %.2f ms |
                | CPU per article, Clipfile's resolution steps alone | %.2f ms |
                | CPU, CoreNLP alone on the 530-word seed article (the issue's reference: ~11 ms) | %.2f ms |
                | articles/s, one thread (wall clock) | %.1f |
                | articles/s, %d threads (wall clock) | %.1f |
                | CPU per article, %d threads | %.2f ms |
                | gazetteer load (wall / CPU) | %.2f s / %.2f s |
                | gazetteer heap | %d MB |
                | CoreNLP 3-class model load (wall / CPU) | %.2f s / %.2f s |
                | CoreNLP model heap | %d MB |
                | gazetteer places / resource size | %d / %.1f MB |

                Load average at the end: %s (the machine is shared: CPU time per article grows when it is busy).
                """, cores, System.getProperty("os.arch"), System.getProperty("java.version"), articles.size(), words,
                WARM_UP, MEASURED, perCore, 1000 * oneCoreCpuSeconds / MEASURED, 1000 * nerCpuSeconds / MEASURED,
                1000 * resolutionCpuSeconds / MEASURED, seedMillis,
                MEASURED / oneCoreWallSeconds, cores, cores * MEASURED / allWallSeconds, cores,
                allCpu / 1e6 / (cores * MEASURED), gazetteerWall / 1e9, gazetteerCpu / 1e9, gazetteerHeap >> 20,
                modelWall / 1e9, modelCpu / 1e9, modelHeap >> 20, gazetteer.size(), resourceMegabytes(),
                loadAverage());
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("enrich.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** ~700-word articles: GUM news documents and the seed article, split or joined at paragraph ends. */
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
