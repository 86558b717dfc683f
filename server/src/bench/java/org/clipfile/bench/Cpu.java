package org.clipfile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time of processes from /proc/&lt;pid&gt;/stat (utime + stime), in milliseconds. */
final class Cpu {
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private Cpu() {}

    /** The CPU time of the given processes (dead ones count zero). */
    static long millis(List<ProcessHandle> processes) {
        long ticks = 0;
        for (ProcessHandle p : processes) {
            ticks += ticks(p.pid());
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    static long millis(ProcessHandle process) {
        return millis(List.of(process));
    }

    /** CPU time of a JVM's compiler threads and of its garbage collector's threads, in milliseconds. */
    record JvmOverhead(long jitMs, long gcMs) {
        JvmOverhead minus(JvmOverhead before) {
            return new JvmOverhead(jitMs - before.jitMs, gcMs - before.gcMs);
        }
    }

    /**
     * Sums the CPU time of {@code pid}'s threads by name (/proc/&lt;pid&gt;/task/*): "C1/C2 CompilerThread" are the
     * JIT, the GC's are "GC Thread#n", "G1 Conc#n", "G1 Refine#n", "G1 Service" and the "VM Thread" that runs
     * the pauses. Threads that ended count zero: only long-lived threads can be counted this way, which these are.
     */
    static JvmOverhead jvmOverhead(long pid) {
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue;
                }
                boolean isJit = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
                boolean isGc = name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread");
                if (isJit || isGc) {
                    long t = ticks(task.resolve("stat"));
                    if (isJit) {
                        jit += t;
                    } else {
                        gc += t;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new JvmOverhead(0, 0);
        }
        return new JvmOverhead(jit * 1000 / TICKS_PER_SECOND, gc * 1000 / TICKS_PER_SECOND);
    }

    private static long ticks(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    private static long ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name (field 2) may contain spaces: fields after it start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** CPU time all processes of the machine spent busy (all cores, /proc/stat), in milliseconds. */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
