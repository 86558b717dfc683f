package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Waits for an audit event: the audit is written in the background, about a second after the call it records. */
public final class AuditEvents {
    private AuditEvents() {}

    /** The first event of {@code GET /api/audit?<query>} that {@code wanted} accepts, within a minute. */
    public static JsonNode await(Http admin, String query, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = admin.get("/api/audit?" + query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            last = response.json();
            for (JsonNode event : last.get("events")) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no such audit event for " + query + "; last page: " + last);
    }
}
