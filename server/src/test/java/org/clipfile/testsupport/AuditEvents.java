package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** Waits for an audit event: the audit is written in the background, about a second after the call it records. */
public final class AuditEvents {
    private AuditEvents() {}

    /** The first event of {@code GET /api/audit?<query>} that {@code wanted} accepts, within a minute. */
    public static JsonNode await(Http admin, String query, Predicate<JsonNode> wanted) throws InterruptedException {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Polls.every(Duration.ofMillis(250), Duration.ofSeconds(60)).until(() -> {
                Http.Response response = admin.get("/api/audit?" + query);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                last.set(response.json());
                for (JsonNode event : last.get().get("events")) {
                    if (wanted.test(event)) {
                        return event;
                    }
                }
                return null;
            }, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no such audit event for " + query + "; last page: " + last.get());
        }
    }
}
