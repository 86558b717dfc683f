package org.clipfile.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import <path> [--server URL] [--include GLOB] [--server-path] [--api-key KEY]}: sends a file or folder to a running
 * Clipfile server (a folder is zipped on the fly), then follows the import with a progress bar, its rate and ETA.
 * With {@code --server-path} the server reads the path from its own disk instead (an admin must allow it).
 * The API key (an editor's or an admin's) comes from {@code --api-key} or, better (it stays out of the shell
 * history and the process list), from the environment variable {@code CLIPFILE_API_KEY}.
 * Exit status: 0 all indexed, 1 some documents failed (listed), 2 the import itself failed or could not start.
 */
public final class ImportCommand {
    private static final String USAGE = """
            Usage: java -jar clipfile.jar import <file-or-folder> [--server http://localhost:8080] \
            [--include '*.sgm'] [--server-path] [--api-key KEY (default: $CLIPFILE_API_KEY)]""";

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private @Nullable String apiKey = System.getenv("CLIPFILE_API_KEY");

    ImportCommand(PrintStream out) {
        this.out = out;
    }

    public static int run(String[] args) {
        return new ImportCommand(System.err).execute(args);
    }

    int execute(String[] args) {
        String path = null;
        String server = "http://localhost:8080";
        String include = null;
        boolean serverPath = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i);
                case "--include" -> include = value(args, ++i);
                case "--server-path" -> serverPath = true;
                case "--api-key" -> apiKey = value(args, ++i);
                default -> {
                    if (path != null || args[i].startsWith("--")) {
                        out.println(USAGE);
                        return 2;
                    }
                    path = args[i];
                }
            }
        }
        if (path == null || server == null) {
            out.println(USAGE);
            return 2;
        }
        try {
            JsonNode job = serverPath ? startServerPath(server, path, include) : upload(server, Path.of(path), include);
            return follow(server, job.get("id").asString());
        } catch (IOException | UncheckedIOException e) {
            out.println("Import failed: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static @Nullable String value(String[] args, int i) {
        return i < args.length ? args[i] : null;
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
        while (true) {
            job = send(HttpRequest.newBuilder(status).GET());
            out.print("\r" + progressLine(job));
            String state = job.get("status").asString();
            if (state.equals("completed") || state.equals("failed")) {
                break;
            }
            Thread.sleep(500);
        }
        out.println();
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

    static String progressLine(JsonNode job) {
        long total = job.get("total_estimate").asLong();
        long processed = job.get("processed").asLong();
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

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
