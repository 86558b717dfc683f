package org.clipfile.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A batch search as stored and answered: its state and progress. */
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
        @Nullable String error) {

    enum Status {
        queued,
        running,
        completed,
        failed
    }

    BatchJob running() {
        return new BatchJob(id, owner, Status.running, query, namesTotal, namesDone, namesFound, createdAt,
                Instant.now(), null, null);
    }

    BatchJob progress(long done, long found) {
        return new BatchJob(id, owner, status, query, namesTotal, done, found, createdAt, startedAt, null, null);
    }

    BatchJob completed() {
        return new BatchJob(id, owner, Status.completed, query, namesTotal, namesDone, namesFound, createdAt,
                startedAt, Instant.now(), null);
    }

    BatchJob failed(String reason) {
        return new BatchJob(id, owner, Status.failed, query, namesTotal, namesDone, namesFound, createdAt, startedAt,
                Instant.now(), reason);
    }
}
