package org.clipfile.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.index.BenchBulkWriter;
import tools.jackson.databind.JsonNode;

/**
 * Ingest trials in alternating order (raw, Clipfile, Clipfile, raw, ...): Clipfile's end-to-end import of an SGML
 * archive against raw {@code _bulk} of the exact documents Clipfile produced from it; and the re-index path (already
 * enriched articles through Clipfile's own bulk writer) against the same raw {@code _bulk}.
 */
final class IngestBenchmark {
    static final String RAW_INDEX = "bench-raw";
    static final String REINDEX_INDEX = "bench-reindex";

    /** One timed trial. CPU of each process over the trial, in ms. */
    record Trial(String arm, int round, long docs, long failed, double wallMs, long serverCpuMs, long esCpuMs,
            long driverCpuMs, long machineBusyMs, long serverJitMs, long serverGcMs) {
        Trial(String arm, int round, long docs, long failed, double wallMs, long serverCpuMs, long esCpuMs,
                long driverCpuMs, long machineBusyMs) {
            this(arm, round, docs, failed, wallMs, serverCpuMs, esCpuMs, driverCpuMs, machineBusyMs, 0, 0);
        }

        /** Share of the machine's cores busy (any process) during the trial: 1 means no core was ever idle. */
        double busyShare(int cores) {
            return machineBusyMs / (wallMs * cores);
        }

        /** Cores' worth of CPU that processes other than the benchmark's used during the trial. */
        double otherCores() {
            return Math.max(0, machineBusyMs - serverCpuMs - esCpuMs - driverCpuMs) / wallMs;
        }

        double docsPerSecond() {
            return docs * 1000.0 / wallMs;
        }
    }

    private final Cluster cluster;
    private final Http http;
    private final Indices indices;

    IngestBenchmark(Cluster cluster, Http http, Indices indices) {
        this.cluster = cluster;
        this.http = http;
        this.indices = indices;
    }

    /**
     * Imports the archive through POST /api/imports and waits for the job; returns the job's final state. Polls once
     * a second (each poll reads the job from Elasticsearch; polling every 100 ms was tried and did not change
     * Elasticsearch's CPU during imports measurably). The job's own {@code finished_at} gives the end time.
     */
    JsonNode importArchive(Path archive) throws IOException, InterruptedException {
        String uri = cluster.serverUri() + "/api/imports?name=" + archive.getFileName();
        JsonNode job = Http.ok(http.post(uri, "application/octet-stream", Files.readAllBytes(archive)), "import")
                .json();
        String id = job.path("id").asString();
        while (true) {
            Thread.sleep(1000);
            JsonNode state = Http.ok(http.get(cluster.serverUri() + "/api/imports/" + id), "import state").json();
            String status = state.path("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                if (!status.equals("completed")) {
                    throw new IllegalStateException("import " + id + " ended " + status + ": " + state);
                }
                return state;
            }
        }
    }

    Trial clipfileTrial(Path archive, int round) throws IOException, InterruptedException {
        indices.resetClipfile();
        long server0 = cluster.serverCpuMillis();
        long es0 = cluster.esCpuMillis();
        long driver0 = Cpu.millis(ProcessHandle.current());
        long machine0 = Cpu.machineBusyMillis();
        Cpu.JvmOverhead jvm0 = Cpu.jvmOverhead(cluster.serverProcess().pid());
        java.time.Instant t0 = java.time.Instant.now();
        JsonNode job = importArchive(archive);
        double wall = java.time.Duration.between(t0, java.time.Instant.parse(job.path("finished_at").asString()))
                .toNanos() / 1e6;
        Cpu.JvmOverhead jvm = Cpu.jvmOverhead(cluster.serverProcess().pid()).minus(jvm0);
        return new Trial("clipfile-import", round, job.path("indexed").asLong(), job.path("failed").asLong(), wall,
                cluster.serverCpuMillis() - server0, cluster.esCpuMillis() - es0,
                Cpu.millis(ProcessHandle.current()) - driver0, Cpu.machineBusyMillis() - machine0, jvm.jitMs(),
                jvm.gcMs());
    }

    Trial rawTrial(String arm, List<byte[]> bodies, long docs, int round) throws IOException {
        indices.recreate(RAW_INDEX);
        long server0 = cluster.serverCpuMillis();
        long es0 = cluster.esCpuMillis();
        long driver0 = Cpu.millis(ProcessHandle.current());
        long machine0 = Cpu.machineBusyMillis();
        long t0 = System.nanoTime();
        indices.bulk(RAW_INDEX, bodies);
        indices.refresh(RAW_INDEX);
        double wall = (System.nanoTime() - t0) / 1e6;
        long count = indices.count(RAW_INDEX);
        if (count != docs) {
            throw new IllegalStateException("raw bulk indexed " + count + " of " + docs);
        }
        return new Trial(arm, round, docs, 0, wall, cluster.serverCpuMillis() - server0,
                cluster.esCpuMillis() - es0, Cpu.millis(ProcessHandle.current()) - driver0,
                Cpu.machineBusyMillis() - machine0);
    }

    /** Clipfile's bulk writer in this JVM: the server's CPU does not move, the writer's work is the driver's. */
    Trial bulkWriterTrial(List<Article> articles, int round) throws Exception {
        indices.recreate(REINDEX_INDEX);
        long server0 = cluster.serverCpuMillis();
        long es0 = cluster.esCpuMillis();
        long driver0 = Cpu.millis(ProcessHandle.current());
        long machine0 = Cpu.machineBusyMillis();
        long t0 = System.nanoTime();
        long[] result = BenchBulkWriter.write(cluster.client(), REINDEX_INDEX, articles);
        double wall = (System.nanoTime() - t0) / 1e6;
        return new Trial("clipfile-bulkwriter", round, result[0], result[1], wall,
                cluster.serverCpuMillis() - server0, cluster.esCpuMillis() - es0,
                Cpu.millis(ProcessHandle.current()) - driver0, Cpu.machineBusyMillis() - machine0);
    }

    static List<Article> articles(List<Indices.Doc> docs) {
        List<Article> articles = new ArrayList<>(docs.size());
        for (Indices.Doc doc : docs) {
            articles.add(Http.JSON.readValue(doc.source(), Article.class));
        }
        return articles;
    }
}
