package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Waiting for the latest re-index or relink of the archive ({@code GET /api/admin/reindex}) to end. */
public final class ReindexRuns {
    private ReindexRuns() {}

    /**
     * The latest run's status once it is no longer running, asserted completed. A {@code 404} (no run yet: one is
     * about to start, as after an import) is waited through.
     */
    public static JsonNode awaitEnd(Http http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/admin/reindex");
            if (response.status() != 404) {
                status = response.json();
                if (!status.get("state").asString().equals("running")) {
                    assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
                    return status;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the re-index or relink is still running after " + timeout + ": " + status);
    }
}
