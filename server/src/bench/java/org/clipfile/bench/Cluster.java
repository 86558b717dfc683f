package org.clipfile.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clipfile.localnode.LocalElasticsearch;

/**
 * What the benchmark runs against: a fresh local Elasticsearch from the build's distribution (as {@code nobody}
 * when root, via Clipfile's own launcher and its watchdog) and the Clipfile server jar pointed at it. Both are
 * children of the driver and are stopped by it.
 */
final class Cluster implements AutoCloseable {
    private final LocalElasticsearch elasticsearch;
    private final Process server;
    private final int serverPort;
    private final Path serverLog;
    private final ElasticsearchClient client;
    private final Rest5Client rest;
    private boolean closed;

    private Cluster(LocalElasticsearch elasticsearch, Process server, int serverPort, Path serverLog,
            Rest5Client rest) {
        this.elasticsearch = elasticsearch;
        this.server = server;
        this.serverPort = serverPort;
        this.serverLog = serverLog;
        this.rest = rest;
        this.client = new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
    }

    /** The benchmark's own throw-away server gets a random administrator password, used to mint an API key. */
    private static final String ADMIN_PASSWORD = java.util.UUID.randomUUID().toString();

    static Cluster start(Path workDir, String esHeap, String serverHeap, Http http) throws Exception {
        Path esHome = Path.of("target/elasticsearch/elasticsearch-9.5.3");
        // scripts/benchmark.sh copies the jar it built, so a build during the run cannot change it under the server.
        Path jar = Path.of(System.getProperty("clipfile.bench.jar", "target/clipfile.jar"));
        if (!Files.isExecutable(esHome.resolve("bin/elasticsearch")) || !Files.exists(jar)) {
            throw new IllegalStateException("Build first: " + esHome + " and " + jar + " are needed (mvn package)");
        }
        Path esWork = workDir.resolve("elasticsearch");
        deleteTree(esWork);
        LocalElasticsearch es = new LocalElasticsearch(new LocalElasticsearch.Settings(esHome, esWork, 0, esHeap,
                "nobody", Duration.ofMinutes(3), ProcessHandle.current().pid()));
        es.start();
        es.awaitReady();
        String esUri = es.httpUri().toString();
        System.out.println("[bench] Elasticsearch ready on " + esUri);

        int port = freePort();
        Path spool = workDir.resolve("spool");
        deleteTree(spool);
        Path log = workDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + serverHeap, "-Xmx" + serverHeap, "-Duser.timezone=UTC",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.elasticsearch.uris=" + esUri,
                "--clipfile.samples.enabled=false",
                "--clipfile.local-node.enabled=false",
                "--clipfile.security.bootstrap-admin-password=" + ADMIN_PASSWORD,
                "--clipfile.imports.spool-dir=" + spool.toAbsolutePath()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Cluster cluster = new Cluster(es, server, port, log, Rest5Client.builder(es.httpUri()).build());
        try {
            cluster.awaitServer(http);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        System.out.println("[bench] Clipfile server ready on " + cluster.serverUri() + " (pid " + server.pid() + ")");
        return cluster;
    }

    private void awaitServer(Http http) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The Clipfile server exited with " + server.exitValue() + "; see "
                        + serverLog);
            }
            try {
                // Up once the session endpoint answers; searches need the key, minted once the user store is ready.
                int session = http.get(serverUri() + "/api/session").status();
                if (session == 401 || session == 200) {
                    try {
                        http.mintApiKey(serverUri(), "admin", ADMIN_PASSWORD, "admin");
                    } catch (IllegalStateException notYet) {
                        Thread.sleep(500);
                        continue;
                    }
                    if (http.get(serverUri() + "/api/search?size=1").status() == 200) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The Clipfile server did not answer searches within 4 minutes; see "
                + serverLog);
    }

    String serverUri() {
        return "http://127.0.0.1:" + serverPort;
    }

    String esUri() {
        return elasticsearch.httpUri().toString();
    }

    ElasticsearchClient client() {
        return client;
    }

    ProcessHandle serverProcess() {
        return server.toHandle();
    }

    List<ProcessHandle> esProcesses() {
        return elasticsearch.processes();
    }

    long serverCpuMillis() {
        return Cpu.millis(server.toHandle());
    }

    long esCpuMillis() {
        return Cpu.millis(esProcesses());
    }

    /** Live heap of the server after a full GC (jcmd), in bytes; -1 when jcmd is unavailable. */
    long serverLiveHeapBytes() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            run(jcmd.toString(), Long.toString(server.pid()), "GC.run");
            String info = run(jcmd.toString(), Long.toString(server.pid()), "GC.heap_info");
            Matcher used = Pattern.compile("total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K")
                    .matcher(info);
            return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s) and the Elasticsearch node, by their own handles. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rest.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (server.isAlive()) {
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
        elasticsearch.close();
        System.out.println("[bench] server and Elasticsearch stopped");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
