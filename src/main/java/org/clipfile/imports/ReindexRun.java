package org.clipfile.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A re-index run as stored in {@code <alias>-reindex-runs} (id: the target index), written when it starts, every
 * few seconds while it runs, and when it ends, so that any server instance can report on it.
 */
record ReindexRun(
        String kind,
        String id,
        String state,
        String from,
        String to,
        @JsonProperty("registry_applied") boolean registryApplied,
        long copied,
        long failed,
        List<String> failures,
        @Nullable String owner,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("heartbeat_at") @Nullable Instant heartbeatAt,
        @JsonProperty("finished_at") @Nullable Instant finishedAt,
        @JsonProperty("docs_per_second") double docsPerSecond,
        @Nullable String error) {

    static final String KIND = "run";

    static ReindexRun of(Reindexer.Status status, String owner, Instant heartbeat) {
        return new ReindexRun(KIND, status.to(), status.state(), status.from(), status.to(),
                status.registryApplied(), status.copied(), status.failed(), status.failures(), owner,
                status.startedAt(), heartbeat, status.finishedAt(), status.docsPerSecond(), status.error());
    }

    Reindexer.Status status() {
        return new Reindexer.Status(state, from, to, registryApplied, copied, failed,
                failures == null ? List.of() : failures, startedAt, finishedAt, docsPerSecond, error, heartbeatAt,
                owner);
    }

    ReindexRun failed(String reason, Instant now) {
        return new ReindexRun(kind, id, "failed", from, to, registryApplied, copied, failed, failures, owner,
                startedAt, heartbeatAt, now, docsPerSecond, reason);
    }
}
