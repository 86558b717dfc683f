package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Starting import jobs over HTTP and waiting for them to end, also through a fault. */
public final class ImportJobs {
    private ImportJobs() {}

    /** Posts an archive, retrying while the server answers 503 (its import indices are still being prepared). */
    public static String start(Http http, String name, String contentType, byte[] body) throws InterruptedException {
        Http.Response response = null;
        for (int i = 0; i < 600; i++) {
            response = http.post("/api/imports?name=" + Http.encode(name), contentType, body);
            if (response.status() == 202) {
                return response.json().get("id").asString();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("server never accepted the import: " + response);
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
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/imports/" + id);
            if (response.status() == 200) {
                job = response.json();
                if (done.test(job)) {
                    return job;
                }
            }
            Thread.sleep(pauseMillis);
        }
        throw new AssertionError("import " + id + " " + failure + "; last: " + job);
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
