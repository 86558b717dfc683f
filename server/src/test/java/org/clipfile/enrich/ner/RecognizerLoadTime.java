package org.clipfile.enrich.ner;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Start-up cost of one recognizer in a fresh JVM (in {@code EnrichBenchmark} the engine loaded first also pays for
 * classes both use). Run once per engine:
 * {@code java -Xms1g -Xmx1g -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.clipfile.enrich.ner.RecognizerLoadTime fast} (or {@code corenlp}), after {@code scripts/benchmark-enrich.sh}.
 */
public final class RecognizerLoadTime {
    private RecognizerLoadTime() {}

    public static void main(String[] args) throws InterruptedException {
        String name = args.length == 0 ? "fast" : args[0];
        RecognizerEngine engine = RecognizerEngine.valueOf(name.toUpperCase(Locale.ROOT));
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Runtime runtime = Runtime.getRuntime();
        long heap = usedHeapAfterGc(runtime);
        long thread = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        long wall = System.nanoTime();
        EntityRecognizer recognizer = engine.load();
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double threadSeconds = (threads.getCurrentThreadCpuTime() - thread) / 1e9;
        double processSeconds = (os.getProcessCpuTime() - process) / 1e9;
        long heapBytes = usedHeapAfterGc(runtime) - heap;
        System.out.printf(Locale.ROOT, "%s: load %.2f s wall, %.2f s CPU of the loading thread, %.2f s CPU of the "
                + "process, %d MB of heap; %d mentions in a test sentence%n", engine, wallSeconds, threadSeconds,
                processSeconds, heapBytes >> 20, recognizer.recognize("John Kirby spoke in Syria.").size());
    }

    private static long usedHeapAfterGc(Runtime runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
