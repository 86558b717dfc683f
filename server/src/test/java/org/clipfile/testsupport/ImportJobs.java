package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** Starting import jobs over HTTP and waiting for them to end, also through a fault. */
public final class ImportJobs {
    private ImportJobs() {}

    /** Posts an archive, retrying while the server answers 503 (its import indices are still being prepared). */
    public static String start(Http http, String name, String contentType, byte[] body) throws InterruptedException {
        AtomicReference<Http.Response> last = new AtomicReference<>();
        try {
            // 600 tries 100 ms apart, as before: about a minute.
            Http.Response accepted = Polls.every(Duration.ofMillis(100), Duration.ofSeconds(60)).until(() -> {
                Http.Response response = http.post("/api/imports?name=" + Http.encode(name), contentType, body);
                last.set(response);
                if (response.status() != 202) {
                    assertThat(response.status()).as(response.body()).isEqualTo(503);
                }
                return response;
            }, response -> response.status() == 202);
            return accepted.json().get("id").asString();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("server never accepted the import: " + last.get());
        }
    }

    /** Waits until the job has processed at least this many documents. */
    public static JsonNode awaitProcessed(Http http, String id, long atLeast, Duration timeout)
            throws InterruptedException {
        return await(http, id, timeout, 50, job -> job.get("processed").asLong() >= atLeast,
                "never processed " + atLeast + " documents");
    }

    /** Waits until the job stops running (answers 503 while Elasticsearch is away are waited out) and is complete. */
    public static JsonNode awaitCompleted(Http http, String id, Duration timeout) throws InterruptedException {
        JsonNode job = awaitEnd(http, id, timeout);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        return job;
    }

    /** Waits until the job stops running, completed or failed (answers 503 are waited out). */
    public static JsonNode awaitEnd(Http http, String id, Duration timeout) throws InterruptedException {
        return await(http, id, timeout, 200, job -> {
            String status = job.get("status").asString();
            return !status.equals("running") && !status.equals("queued");
        }, "never finished");
    }

    /** Polls the job until {@code done} holds for it; any answer but 200 (a 503 during a fault) is waited out. */
    private static JsonNode await(Http http, String id, Duration timeout, long pauseMillis, Predicate<JsonNode> done,
            String failure) throws InterruptedException {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Polls.every(Duration.ofMillis(pauseMillis), timeout).until(() -> {
                Http.Response response = http.get("/api/imports/" + id);
                if (response.status() != 200) {
                    return null;
                }
                last.set(response.json());
                return last.get();
            }, job -> job != null && done.test(job));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("import " + id + " " + failure + "; last: " + last.get());
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
