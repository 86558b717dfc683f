package org.clipfile.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import <path>}: sends a file or folder to a running Clipfile server (a folder is zipped on the fly), then
 * follows the import: a progress bar with rate and ETA on a terminal, a plain line every 10 s otherwise (logs get
 * no {@code \r} frames). With {@code --server-path} the server reads the path from its own disk instead (an admin
 * must allow it). The API key (an editor's or an admin's) comes from {@code --api-key} or, better (it stays out of
 * the shell history and the process list), from the environment variable {@code CLIPFILE_API_KEY}.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = ImportCommand.Version.class,
        usageHelpAutoWidth = true,
        header = "Imports a file or folder of articles into a running Clipfile server.",
        description = {"Formats: plain text, HTML, JSON (an object or an array), NDJSON, Reuters SGML (.sgm) and "
                + "zip archives of any of these. Every good document is indexed; every bad one is reported with "
                + "its reason. Re-running an import never duplicates articles."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every document was indexed", "1:some documents failed (the first 20 are listed)",
                "2:the import failed, could not start, or the command line is wrong"})
public final class ImportCommand implements Callable<Integer> {
    private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    /** How progress is shown: redrawn in place on a terminal, or a line at a time for logs and pipes. */
    enum ProgressStyle { auto, bar, plain }

    @Parameters(index = "0", paramLabel = "PATH", description = "the file or folder to import")
    private String path = "";

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "the Clipfile server (default: ${DEFAULT-VALUE})")
    private String server = "http://localhost:8080";

    @Option(names = "--include", paramLabel = "GLOB",
            description = "only files whose name matches, in folders and inside archives (e.g. '*.sgm')")
    private @Nullable String include;

    @Option(names = "--server-path", description = "the server reads PATH from its own disk (allowed roots only)")
    private boolean serverPath;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:CLIPFILE_API_KEY}",
            description = "an editor's or admin's API key (default: $CLIPFILE_API_KEY, which keeps it out of "
                    + "the process list)")
    private @Nullable String apiKey;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "STYLE",
            description = "bar, plain (a line every 10 s) or auto (bar on a terminal): ${DEFAULT-VALUE}")
    private ProgressStyle progress = ProgressStyle.auto;

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Documents counted on this side before sending, when the server's estimate cannot see inside the files. */
    private long localTotal;

    ImportCommand(PrintStream out) {
        this.out = out;
    }

    /** The entry point from {@code main}: {@code args[0]} is "import". */
    public static int run(String[] args) {
        return commandLine(System.err).execute(Arrays.copyOfRange(args, 1, args.length));
    }

    static CommandLine commandLine(PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        return new CommandLine(new ImportCommand(out)).setOut(writer).setErr(writer);
    }

    @Override
    public Integer call() {
        try {
            JsonNode job;
            if (serverPath) {
                job = startServerPath(server, path, include);
            } else {
                localTotal = DocumentCount.of(Path.of(path), include);
                job = upload(server, Path.of(path), include);
            }
            return follow(server, job.get("id").asString());
        } catch (IOException | UncheckedIOException e) {
            out.println("Import failed: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** The version the build wrote into the jar ({@code META-INF/build-info.properties}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties info = new Properties();
            try (InputStream in = ImportCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) {
                    info.load(in);
                }
            }
            return new String[] {"Clipfile " + info.getProperty("build.version", "(development build)")
                    + (info.containsKey("build.time") ? ", built " + info.getProperty("build.time") : "")};
        }
    }

    private JsonNode startServerPath(String server, String path, @Nullable String include)
            throws IOException, InterruptedException {
        String body = JsonMapper.shared().writeValueAsString(
                include == null ? java.util.Map.of("path", path) : java.util.Map.of("path", path, "include", include));
        return send(HttpRequest.newBuilder(URI.create(server + "/api/imports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode upload(String server, Path path, @Nullable String include)
            throws IOException, InterruptedException {
        if (!Files.exists(path)) {
            throw new IOException("No such file or folder: " + path);
        }
        boolean folder = Files.isDirectory(path);
        String name = path.toAbsolutePath().normalize().getFileName() + (folder ? ".zip" : "");
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (include == null ? "" : "&include=" + URLEncoder.encode(include, StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher body = folder
                ? HttpRequest.BodyPublishers.ofInputStream(() -> zipped(path, include))
                : HttpRequest.BodyPublishers.ofFile(path);
        out.println((folder ? "Sending folder " : "Sending ") + path + " to " + server);
        return send(HttpRequest.newBuilder(URI.create(server + "/api/imports" + query))
                .header("Content-Type", "application/octet-stream")
                .POST(body));
    }

    /** Streams a folder as a zip, written by a separate thread, so nothing is staged on disk. */
    private static InputStream zipped(Path folder, @Nullable String include) {
        var matcher = include == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + include);
        try {
            PipedInputStream in = new PipedInputStream(1 << 16);
            PipedOutputStream pipe = new PipedOutputStream(in);
            Thread.ofPlatform().daemon().name("zip-" + folder.getFileName()).start(() -> {
                try (OutputStream o = pipe; ZipOutputStream zip = new ZipOutputStream(o);
                        Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(Files::isRegularFile)
                            .filter(f -> matcher == null || matcher.matches(f.getFileName()))
                            .sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, zip);
                        zip.closeEntry();
                    }
                } catch (IOException e) {
                    // The server sees a truncated archive and reports it; the reason is printed here too.
                    System.err.println("Could not read " + folder + ": " + e.getMessage());
                }
            });
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "ApiKey " + apiKey.strip());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : JsonMapper.shared().readTree(response.body());
        if (response.statusCode() >= 400) {
            String detail = body != null && body.has("detail") ? body.get("detail").asString() : response.body();
            throw new IOException("the server answered " + response.statusCode() + ": " + detail);
        }
        return body;
    }

    private int follow(String server, String id) throws IOException, InterruptedException {
        URI status = URI.create(server + "/api/imports/" + id);
        JsonNode job;
        boolean bar = progress == ProgressStyle.bar || progress == ProgressStyle.auto && onTerminal();
        long lastLine = 0;
        while (true) {
            job = send(HttpRequest.newBuilder(status).GET());
            String state = job.get("status").asString();
            boolean end = state.equals("completed") || state.equals("failed");
            if (bar) {
                out.print("\r" + progressLine(job, localTotal));
            } else if (end || System.nanoTime() - lastLine >= PLAIN_EVERY.toNanos()) {
                out.println(progressLine(job, localTotal).strip());
                lastLine = System.nanoTime();
            }
            if (end) {
                break;
            }
            Thread.sleep(500);
        }
        if (bar) {
            out.println();
        }
        if (job.get("status").asString().equals("failed")) {
            out.println("The import failed: " + job.get("error").asString());
            return 2;
        }
        long failed = job.get("failed").asLong();
        out.printf(Locale.ROOT, "Done: %,d indexed (%,d replaced an article with the same id), %,d failed.%n",
                job.get("indexed").asLong(), job.get("replaced").asLong(), failed);
        if (failed > 0) {
            JsonNode failures = send(HttpRequest.newBuilder(URI.create(status + "/failures?size=20")).GET());
            for (JsonNode f : failures.get("failures")) {
                out.println("  " + f.get("document").asString() + ": " + f.get("reason").asString());
            }
            if (failed > 20) {
                out.println("  ... all of them: GET " + status + "/failures?page=1&size=1000");
            }
            return 1;
        }
        return 0;
    }

    /**
     * One progress line. The total is the larger of the server's estimate and the count made here: a server that
     * receives a zip of 22 SGML files estimates 22 documents, although they hold 21,578 stories.
     */
    static String progressLine(JsonNode job, long localTotal) {
        long processed = job.get("processed").asLong();
        long total = Math.max(job.get("total_estimate").asLong(), localTotal);
        String state = job.get("status").asString();
        if (state.equals("completed")) {
            total = processed;
        }
        double rate = job.get("rate_per_second").asDouble();
        JsonNode eta = job.get("eta_seconds");
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, width * processed / total) : 0;
        List<String> parts = new ArrayList<>();
        parts.add("[" + "#".repeat(filled) + ".".repeat(width - filled) + "]");
        parts.add(total > 0 ? String.format(Locale.ROOT, "%3d%%", 100 * processed / Math.max(1, total)) : "  ?%");
        parts.add(String.format(Locale.ROOT, "%,d/%,d docs", processed, total));
        parts.add(String.format(Locale.ROOT, "%,.0f docs/s", rate));
        parts.add("ETA " + (eta == null || eta.isNull() ? "--:--" : clock(eta.asLong())));
        parts.add(String.format(Locale.ROOT, "failed %,d", job.get("failed").asLong()));
        return String.join("  ", parts) + "   ";
    }

    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console for pipes too; it tells a real terminal apart with isTerminal().
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
