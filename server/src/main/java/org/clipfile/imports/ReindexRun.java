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
        @Nullable String mode,
        @JsonProperty("registry_applied") boolean registryApplied,
        long examined,
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
        return new ReindexRun(KIND, status.id(), status.state(), status.from(), status.to(), status.mode().name(),
                status.registryApplied(), status.examined(), status.copied(), status.failed(), status.failures(), owner,
                status.startedAt(), heartbeat, status.finishedAt(), status.docsPerSecond(), status.error());
    }

    Reindexer.Status status() {
        return new Reindexer.Status(id, state, from, to, modeOrCopy(), registryApplied, examined, copied, failed,
                failures == null ? List.of() : failures, startedAt, finishedAt, docsPerSecond, error, heartbeatAt,
                owner);
    }

    /** Runs stored before relinks in place existed were all copies. */
    private Reindexer.Mode modeOrCopy() {
        return mode == null ? Reindexer.Mode.copy : Reindexer.Mode.valueOf(mode);
    }

    ReindexRun failed(String reason, Instant now) {
        return new ReindexRun(kind, id, "failed", from, to, mode, registryApplied, examined, copied, failed, failures,
                owner, startedAt, heartbeatAt, now, docsPerSecond, reason);
    }
}
