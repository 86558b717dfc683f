package org.clipfile.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A batch search as stored and answered: its state and progress.
 *
 * @param runner the server instance running it ({@code queued}/{@code running}); another takes it over when its
 *     {@code heartbeatAt} is older than {@code clipfile.batch.abandoned-after}
 * @param heartbeatAt when its runner last wrote its progress
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchJob(
        String id,
        String owner,
        Status status,
        String query,
        @JsonProperty("names_total") long namesTotal,
        @JsonProperty("names_done") long namesDone,
        @JsonProperty("names_found") long namesFound,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") @Nullable Instant startedAt,
        @JsonProperty("finished_at") @Nullable Instant finishedAt,
        @Nullable String error,
        @Nullable String runner,
        @JsonProperty("heartbeat_at") @Nullable Instant heartbeatAt) {

    /** A batch no instance has started yet. */
    BatchJob(String id, String owner, Status status, String query, long namesTotal, long namesDone, long namesFound,
            Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {
        this(id, owner, status, query, namesTotal, namesDone, namesFound, createdAt, startedAt, finishedAt, error,
                null, null);
    }

    enum Status {
        queued,
        running,
        completed,
        failed
    }

    /** Run by this instance from now on, with the progress counted so far. */
    BatchJob running(String instance, long done, long found) {
        Instant now = Instant.now();
        return new BatchJob(id, owner, Status.running, query, namesTotal, done, found, createdAt,
                startedAt == null ? now : startedAt, null, null, instance, now);
    }

    BatchJob progress(long done, long found) {
        return new BatchJob(id, owner, status, query, namesTotal, done, found, createdAt, startedAt, null, null,
                runner, Instant.now());
    }

    BatchJob completed() {
        return new BatchJob(id, owner, Status.completed, query, namesTotal, namesDone, namesFound, createdAt,
                startedAt, Instant.now(), null, runner, Instant.now());
    }

    BatchJob failed(String reason) {
        return new BatchJob(id, owner, Status.failed, query, namesTotal, namesDone, namesFound, createdAt, startedAt,
                Instant.now(), reason, runner, Instant.now());
    }

    boolean unfinished() {
        return status == Status.queued || status == Status.running;
    }
}
