package org.clipfile.ingest.html;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.clipfile.ingest.InvalidArticleException;
import org.jsoup.parser.Parser;

/**
 * Single-thread throughput of parsing alone (jsoup) against the whole extraction, over the corpus pages, after a
 * warm-up. A report, not a test: it never fails on timing. CPU time of the thread is reported beside wall time
 * because the machine is shared.
 *
 * <p>From the project root:
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/test-classpath.txt" -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.clipfile.ingest.html.HtmlExtractionBenchmark [corpora-dir] [rounds]
 * </pre>
 */
public final class HtmlExtractionBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private HtmlExtractionBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path corpora = Path.of(args.length > 0 ? args[0] : "../shared/corpora/html");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.isDirectory(corpora)) {
            System.out.println("No corpora under " + corpora.toAbsolutePath().normalize() + ": nothing to measure.");
            return;
        }
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpora)) {
            for (Path file : files.filter(HtmlExtractionBenchmark::isPage).sorted().toList()) {
                pages.add(Files.readAllBytes(file));
            }
        }
        long bytes = pages.stream().mapToLong(page -> page.length).sum();
        List<String> decoded = pages.stream().map(page -> HtmlCharsets.decode(page).text()).toList();
        HtmlArticleExtractor extractor = new HtmlArticleExtractor();
        Consumer<Integer> parse = i -> Parser.htmlParser().parseInput(decoded.get(i), "");
        Consumer<Integer> extract = i -> {
            try {
                extractor.extract(pages.get(i), null);
            } catch (InvalidArticleException e) {
                // Counted like any other page: refusing is work too.
            }
        };
        System.out.printf(Locale.ROOT, "%d pages, %.1f MB, %d measured rounds after %d warm-up rounds%n",
                pages.size(), bytes / 1e6, rounds, rounds);
        run(pages.size(), rounds, parse);
        run(pages.size(), rounds, extract);
        double[] parsed = run(pages.size(), rounds, parse);
        double[] extracted = run(pages.size(), rounds, extract);
        report("parse only (jsoup)", parsed, pages.size(), bytes, rounds);
        report("full extraction", extracted, pages.size(), bytes, rounds);
        System.out.printf(Locale.ROOT, "extraction costs %.2fx the parse (CPU time)%n", extracted[1] / parsed[1]);
    }

    private static boolean isPage(Path file) {
        String name = file.toString();
        return name.endsWith("/source.html") || name.contains("/newspaper/html/") && name.endsWith(".html");
    }

    /** Wall and CPU seconds for the given rounds over all pages. */
    private static double[] run(int count, int rounds, Consumer<Integer> work) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
        }
        return new double[] {(System.nanoTime() - wall) / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9};
    }

    private static void report(String label, double[] seconds, int count, long bytes, int rounds) {
        double cpu = seconds[1];
        System.out.printf(Locale.ROOT, "%-20s %6.1f MB/s  %7.1f docs/s  (CPU %.2f s, wall %.2f s)%n", label,
                bytes * rounds / 1e6 / cpu, count * rounds / cpu, cpu, seconds[0]);
    }
}
