package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Starting import jobs over HTTP and waiting for them, for tests that follow an import through a fault. */
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
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/imports/" + id);
            if (response.status() == 200) {
                job = response.json();
                if (job.get("processed").asLong() >= atLeast) {
                    return job;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " never processed " + atLeast + " documents; last: " + job);
    }

    /** Waits until the job stops running (answers 503 while Elasticsearch is away are waited out) and is complete. */
    public static JsonNode awaitCompleted(Http http, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/imports/" + id);
            if (response.status() == 200) {
                job = response.json();
                String status = job.get("status").asString();
                if (!status.equals("running") && !status.equals("queued")) {
                    assertThat(status).as(job.toString()).isEqualTo("completed");
                    return job;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("import " + id + " never finished; last: " + job);
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
