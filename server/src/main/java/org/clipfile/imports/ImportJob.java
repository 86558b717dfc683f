package org.clipfile.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of an import, as stored in Elasticsearch and returned by {@code GET /api/imports/{id}}.
 * {@code processed = indexed + failed}; {@code replaced} counts the indexed documents that replaced an article
 * with the same id (a re-import, an updated page, or the same text twice); {@code totalEstimate} is counted before
 * the import starts.
 */
public record ImportJob(
        String id,
        Status status,
        @JsonProperty("source_kind") SourceKind sourceKind,
        @JsonProperty("source_name") String sourceName,
        @JsonProperty("source_path") String sourcePath,
        @Nullable String include,
        @Nullable String owner,
        int attempt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("heartbeat_at") @Nullable Instant heartbeatAt,
        @JsonProperty("finished_at") @Nullable Instant finishedAt,
        @JsonProperty("total_estimate") long totalEstimate,
        long processed,
        long indexed,
        long replaced,
        long failed,
        @JsonProperty("rate_per_second") double ratePerSecond,
        @JsonProperty("eta_seconds") @Nullable Long etaSeconds,
        @Nullable String error) {

    public enum Status {
        queued,
        running,
        completed,
        failed
    }

    public enum SourceKind {
        upload,
        folder
    }

    static ImportJob queued(String id, SourceKind kind, String name, String path, @Nullable String include) {
        return new ImportJob(id, Status.queued, kind, name, path, include, null, 0, Instant.now(), null, null, null,
                0, 0, 0, 0, 0, 0, null, null);
    }

    ImportJob started(String owner, long totalEstimate) {
        Instant now = Instant.now();
        return new ImportJob(id, Status.running, sourceKind, sourceName, sourcePath, include, owner, attempt + 1,
                createdAt, now, now, null, totalEstimate, 0, 0, 0, 0, 0, null, null);
    }

    ImportJob progress(long indexed, long replaced, long failed, double rate, @Nullable Long eta) {
        return new ImportJob(id, status, sourceKind, sourceName, sourcePath, include, owner, attempt, createdAt,
                startedAt, Instant.now(), finishedAt, Math.max(totalEstimate, indexed + failed), indexed + failed,
                indexed, replaced, failed, rate, eta, error);
    }

    ImportJob finished(Status end, @Nullable String error) {
        Instant now = Instant.now();
        return new ImportJob(id, end, sourceKind, sourceName, sourcePath, include, owner, attempt, createdAt,
                startedAt, now, now, end == Status.completed ? processed : totalEstimate, processed, indexed, replaced, failed,
                ratePerSecond, end == Status.running ? etaSeconds : null, error);
    }
}
