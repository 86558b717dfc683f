package org.clipfile.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged server ({@code target/clipfile.jar}) as a child process, for tests that must kill it the hard way.
 * Its output goes to a log file under {@code target/}, which a failing test names.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with these Spring Boot arguments (plus a free {@code server.port}). */
    public static ServerProcess start(String name, List<String> arguments) {
        Path jar = Path.of("target/clipfile.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("target/clipfile.jar is missing: run the tests with mvn verify");
        }
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServerProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Waits until the server answers HTTP at all (any status). */
    public Http awaitHttp(Duration timeout) throws InterruptedException {
        Http http = new Http(port);
        try {
            Polls.every(Duration.ofMillis(200), timeout).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("server exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    http.get("/actuator/health");
                    return true;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("server did not answer within " + timeout + "; see " + log);
        }
        return http;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
