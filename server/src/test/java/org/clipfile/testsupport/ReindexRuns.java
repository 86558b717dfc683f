package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** Waiting for the latest re-index or relink of the archive ({@code GET /api/admin/reindex}) to end. */
public final class ReindexRuns {
    private ReindexRuns() {}

    /**
     * The latest run's status once it is no longer running, asserted completed. A {@code 404} (no run yet: one is
     * about to start, as after an import) is waited through.
     */
    public static JsonNode awaitEnd(Http http, Duration timeout) throws InterruptedException {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        JsonNode status;
        try {
            status = Polls.every(Duration.ofMillis(200), timeout).until(() -> {
                Http.Response response = http.get("/api/admin/reindex");
                if (response.status() == 404) {
                    return null;
                }
                last.set(response.json());
                return last.get();
            }, latest -> latest != null && !latest.get("state").asString().equals("running"));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the re-index or relink is still running after " + timeout + ": " + last.get());
        }
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        return status;
    }
}
