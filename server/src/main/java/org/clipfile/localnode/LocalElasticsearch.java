package org.clipfile.localnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node run as a child process on 127.0.0.1. Its configuration, data and logs live under one
 * folder that survives restarts; the distribution itself is only read. When this JVM runs as root the node runs
 * as an unprivileged account (Elasticsearch refuses root), and a watchdog stops it if this JVM dies.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param home the unpacked distribution
     * @param workDir the node's own folder (config, data, logs, tmp)
     * @param httpPort the HTTP port, 0 for any free one
     * @param heap the JVM heap
     * @param runAsUser the account used when this JVM is root
     * @param startupTimeout how long {@link #awaitReady()} waits
     * @param ownerPid the process whose end stops the node
     * @param security whether the node runs with security on: every HTTP call then needs the credentials this
     *     class generates on first start (see {@link #credentials()})
     */
    public record Settings(
            Path home, Path workDir, int httpPort, String heap, String runAsUser, Duration startupTimeout,
            long ownerPid, boolean security) {

        /** Without security, as the shared test node runs (faster to set up, nothing to protect). */
        public Settings(Path home, Path workDir, int httpPort, String heap, String runAsUser, Duration startupTimeout,
                long ownerPid) {
            this(home, workDir, httpPort, heap, runAsUser, startupTimeout, ownerPid, false);
        }
    }

    /** The user the server connects as. */
    public record Credentials(String username, String password) {
        String basicAuthorization() {
            return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    static final String USER = "clipfile";
    static final String ROLE = "clipfile_server";

    private final Settings settings;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> overrides;
    private Process process;
    private long startedAtNanos;
    private volatile Credentials credentials;

    public LocalElasticsearch(Settings settings) {
        this(settings, Map.of());
    }

    /**
     * A node with some Elasticsearch settings replaced or, with an empty value, removed: e.g. cluster settings
     * instead of {@code discovery.type=single-node} for a node of a local multi-node cluster.
     */
    public LocalElasticsearch(Settings settings, Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
        // The process runs in its work folder, so every path handed to it must be absolute.
        this.settings = new Settings(settings.home().toAbsolutePath().normalize(),
                settings.workDir().toAbsolutePath().normalize(), settings.httpPort(), settings.heap(),
                settings.runAsUser(), settings.startupTimeout(), settings.ownerPid(), settings.security());
        this.httpPort = settings.httpPort() == 0 ? freePort() : settings.httpPort();
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    /** The credentials to connect with; null when the node runs without security. Known once it was started. */
    public Credentials credentials() {
        return credentials;
    }

    /** Where the credentials are kept: beside the node's folder, readable and writable by their owner only. */
    public Path credentialsFile() {
        return settings.workDir().resolveSibling("elasticsearch-credentials.properties");
    }

    /** Starts the process and returns at once; {@link #awaitReady()} waits for the cluster. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Path launcher = settings.home().resolve("bin/elasticsearch");
        if (!Files.isExecutable(launcher)) {
            throw new LocalNodeException("No Elasticsearch distribution at " + settings.home().toAbsolutePath()
                    + ": build the project first (mvn package), point clipfile.local-node.home at one, "
                    + "or configure spring.elasticsearch.uris for an external cluster");
        }
        try {
            boolean root = isRoot();
            prepareWorkDir();
            if (settings.security()) {
                credentials = prepareSecurity();
            }
            if (root) {
                checkReadableByOthers(settings.home());
                chownRecursively(settings.workDir(), settings.runAsUser());
            }
            List<String> command = command(root);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            settings.workDir().resolve("logs/console.log").toFile()));
            builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("ES_PATH_CONF", settings.workDir().resolve("config").toString());
            builder.environment().put("ES_TMPDIR", settings.workDir().resolve("tmp").toString());
            builder.environment().put("HOME", settings.workDir().toString());
            builder.environment().remove("ES_JAVA_OPTS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            startedAtNanos = System.nanoTime();
            process = builder.start();
            log.info("Starting local Elasticsearch on {} (data in {}{})", httpUri(),
                    settings.workDir().toAbsolutePath(), root ? ", as " + settings.runAsUser() : "");
        } catch (IOException e) {
            throw new LocalNodeException("Could not start the local Elasticsearch: " + e.getMessage(), e);
        }
    }

    /** Blocks until the cluster reports yellow or green; fails early when the process exits. */
    public void awaitReady() {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        HttpRequest.Builder healthRequest = HttpRequest.newBuilder(
                        httpUri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5));
        if (credentials != null) {
            healthRequest.header("Authorization", credentials.basicAuthorization());
        }
        HttpRequest health = healthRequest.build();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (current == null) {
                throw new LocalNodeException("The local Elasticsearch was not started");
            }
            if (!current.isAlive()) {
                throw new LocalNodeException("The local Elasticsearch exited with code " + current.exitValue()
                        + " before it was ready. Last lines of its log:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    log.info("Local Elasticsearch ready on {} after {} ms", httpUri(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAtNanos));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalNodeException("Interrupted while waiting for the local Elasticsearch", e);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new LocalNodeException("The local Elasticsearch did not become ready within "
                + settings.startupTimeout() + ". Last lines of its log:\n" + logTail());
    }

    /** The processes of the node (watchdog, launcher, server), empty when stopped. */
    public synchronized List<ProcessHandle> processes() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node and everything it started, waiting for a clean shutdown first. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Local Elasticsearch did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        log.info("Local Elasticsearch stopped");
        process = null;
    }

    private List<String> command(boolean root) throws IOException {
        Path watchdog = settings.workDir().resolve("watchdog.sh");
        try (InputStream in = LocalElasticsearch.class.getResourceAsStream("/localnode/watchdog.sh")) {
            if (in == null) {
                throw new IOException("watchdog.sh missing from the classpath");
            }
            writeOwnFile(watchdog, new String(in.readAllBytes(), StandardCharsets.UTF_8), "rwxr-xr-x");
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + settings.runAsUser(), "--regid=" + groupOf(
                    settings.runAsUser()), "--clear-groups", "--"));
        }
        command.addAll(List.of("/bin/sh", watchdog.toString(), Long.toString(settings.ownerPid()),
                settings.home().resolve("bin/elasticsearch").toString()));
        Map<String, String> elasticsearch = new LinkedHashMap<>();
        elasticsearch.put("cluster.name", "clipfile-local");
        elasticsearch.put("node.name", "clipfile-local");
        elasticsearch.put("discovery.type", "single-node");
        elasticsearch.put("network.host", "127.0.0.1");
        elasticsearch.put("http.port", Integer.toString(httpPort));
        elasticsearch.put("path.data", settings.workDir().resolve("data").toString());
        elasticsearch.put("path.logs", settings.workDir().resolve("logs").toString());
        elasticsearch.put("xpack.security.enabled", Boolean.toString(settings.security()));
        if (settings.security()) {
            // Loopback only, so HTTP without TLS; a single node uses no transport connections.
            elasticsearch.put("xpack.security.http.ssl.enabled", "false");
            elasticsearch.put("xpack.security.transport.ssl.enabled", "false");
        }
        elasticsearch.putAll(overrides);
        elasticsearch.forEach((name, value) -> {
            if (!value.isEmpty()) {
                command.addAll(List.of("-E", name + "=" + value));
            }
        });
        return command;
    }

    private void prepareWorkDir() throws IOException {
        Path work = settings.workDir();
        Files.createDirectories(work);
        requireNoLinks(work);
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(work.resolve(dir));
            requireNoLinks(work.resolve(dir));
        }
        // Only the node's account reads its data: the users index holds password hashes, the audit index who did
        // what.
        setMode(work, "rwx------");
        Path config = work.resolve("config");
        if (!Files.exists(config.resolve("elasticsearch.yml"), LinkOption.NOFOLLOW_LINKS)) {
            copyTree(settings.home().resolve("config"), config);
        }
        Path options = config.resolve("jvm.options.d/clipfile.options");
        createDirectoriesNoLinks(options.getParent());
        writeOwnFile(options, "-Xms" + settings.heap() + "\n-Xmx" + settings.heap() + "\n", "rw-r-----");
    }

    /**
     * Security for the node: a file-realm user {@value #USER} with the role {@value #ROLE} (all rights on indices,
     * monitoring and templates on the cluster; not a superuser). Its random password is made on first start and
     * kept in {@link #credentialsFile()} with mode 600; the node's {@code users} file gets only its bcrypt hash,
     * written here on every start (no tool is run with the password on its command line, where {@code ps} shows
     * it, and nothing is read back from the folder the node's account may write).
     */
    private Credentials prepareSecurity() throws IOException {
        Path config = settings.workDir().resolve("config");
        createDirectoriesNoLinks(config);
        writeOwnFile(config.resolve("roles.yml"), ROLE + ":\n"
                + "  cluster: [\"monitor\", \"manage_index_templates\"]\n"
                + "  indices:\n"
                + "    - names: [\"*\"]\n"
                + "      privileges: [\"all\"]\n", "rw-r-----");
        Path file = credentialsFile();
        String password = null;
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            java.util.Properties stored = new java.util.Properties();
            try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                stored.load(in);
            }
            password = stored.getProperty("password");
        }
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "# Credentials of the local Elasticsearch, generated by Clipfile on first start.\n"
                    + "username=" + USER + "\npassword=" + password + "\n", StandardCharsets.UTF_8);
            log.info("Local Elasticsearch runs with security on; its credentials are in {}", file);
        }
        String hash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10).encode(password);
        writeOwnFile(config.resolve("users"), USER + ":" + hash + "\n", "rw-r-----");
        writeOwnFile(config.resolve("users_roles"), ROLE + ":" + USER + "\n", "rw-r-----");
        return new Credentials(USER, password);
    }

    private void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    createDirectoriesNoLinks(target);
                } else {
                    requireNoLinks(target.getParent());
                    Files.deleteIfExists(target);
                    Files.copy(source, target);
                }
            }
        }
    }

    /**
     * The node's folder belongs to the node's account, which may plant symbolic links in it while this JVM runs as
     * root: nothing here follows one. A folder on the way from the work folder to {@code path} that is a link is
     * refused.
     */
    void requireNoLinks(Path path) {
        Path work = settings.workDir();
        Path relative = work.relativize(path.toAbsolutePath().normalize());
        Path current = work;
        if (Files.isSymbolicLink(current)) {
            throw new LocalNodeException("The local Elasticsearch's folder " + current + " is a symbolic link; "
                    + "refusing to use it");
        }
        for (Path part : relative) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new LocalNodeException(current + " is a symbolic link, which Clipfile does not follow in the "
                        + "local Elasticsearch's folder; remove it");
            }
        }
    }

    private void createDirectoriesNoLinks(Path dir) throws IOException {
        requireNoLinks(dir);
        Files.createDirectories(dir);
        requireNoLinks(dir);
    }

    /**
     * Replaces a file in the node's folder without following a link: the old entry (a link included) is removed
     * and the new file created exclusively, which fails rather than follow a link planted in between.
     */
    void writeOwnFile(Path file, String content, String mode) throws IOException {
        requireNoLinks(file.getParent());
        Files.deleteIfExists(file);
        try (var channel = Files.newByteChannel(file, java.util.EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)))) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        setMode(file, mode);
    }

    private static void setMode(Path path, String mode) throws IOException {
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(PosixFilePermissions.fromString(mode));
    }

    /** Hands the folder to the node's account; links are re-owned themselves, never what they point to. */
    static void chownRecursively(Path root, String user) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(groupOf(user));
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
        // The parents of the work folder must be traversable by the node's account.
        for (Path parent = root.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            requireOthersCanTraverse(parent);
        }
    }

    private static void checkReadableByOthers(Path home) throws IOException {
        for (Path dir = home.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            requireOthersCanTraverse(dir);
        }
    }

    private static void requireOthersCanTraverse(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            throw new LocalNodeException("The local Elasticsearch runs as an unprivileged account, which cannot "
                    + "enter " + dir + " (permissions " + PosixFilePermissions.toString(permissions)
                    + "). Run from a folder others may traverse, or run the server as a normal user.");
        }
    }

    /** The primary group of an account, as the system knows it ({@code nobody} belongs to {@code nogroup}). */
    static String groupOf(String user) throws IOException {
        Process id = new ProcessBuilder("id", "-gn", user).redirectErrorStream(true).start();
        try {
            String group = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (id.waitFor() != 0 || group.isEmpty()) {
                throw new LocalNodeException("Unknown account for the local Elasticsearch: " + user);
            }
            return group;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private String logTail() {
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(
                settings.workDir().resolve("logs/console.log"),
                settings.workDir().resolve("logs/clipfile-local.log"))) {
            try {
                if (Files.exists(file)) {
                    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                    lines.addAll(all.subList(Math.max(0, all.size() - 20), all.size()));
                }
            } catch (IOException | UncheckedIOException e) {
                lines.add("(could not read " + file + ": " + e.getMessage() + ")");
            }
        }
        return String.join("\n", lines);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
