package org.clipfile.batch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Batch jobs and their per-name results in Elasticsearch ({@code <alias>-batch-searches}, {@code -results}). */
@Component
class BatchStore {
    private final SystemIndex<BatchJob> jobs;
    private final SystemIndex<BatchResult> results;

    BatchStore(SystemIndices indices) {
        this.jobs = indices.define("batch-searches", "batch-searches.json", BatchJob.class);
        this.results = indices.define("batch-search-results", "batch-search-results.json", BatchResult.class);
    }

    void ensureExists() throws IOException {
        jobs.ensureExists();
        results.ensureExists();
    }

    void save(BatchJob job, boolean visible) throws IOException {
        jobs.index(job.id(), job, visible ? Refresh.WaitFor : Refresh.False);
    }

    Optional<BatchJob> find(String id) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) { // ids are made here (UUIDs): nothing else names a batch
            return Optional.empty();
        }
        return jobs.get(id);
    }

    List<BatchJob> list(@Nullable String owner, int size) throws IOException {
        return jobs.find(s -> s.size(size)
                .query(q -> owner == null ? q.matchAll(m -> m) : q.term(t -> t.field("owner").value(owner)))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))));
    }

    /** Writes results (or the pending names) by position, so a name is never stored twice. */
    void saveResults(List<BatchResult> written, boolean visible) throws IOException {
        if (written.isEmpty()) {
            return;
        }
        var response = results.bulk(visible ? Refresh.WaitFor : Refresh.False, b -> {
            for (BatchResult result : written) {
                b.operations(op -> op.index(i -> i.id(result.jobId() + "-" + result.position()).document(result)));
            }
            return b;
        });
        if (response.errors()) {
            throw new IOException("Elasticsearch refused batch results: " + response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
        }
    }

    /** Results in position order after {@code afterPosition} ({@code -1}: from the start); pending ones too. */
    List<BatchResult> after(String jobId, int afterPosition, int size, boolean pendingOnly) throws IOException {
        return results.find(s -> s.size(size)
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("job_id").value(jobId)));
                    if (pendingOnly) {
                        b.filter(f -> f.term(t -> t.field("done").value(false)));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc)))
                .searchAfter(FieldValue.of(afterPosition)));
    }

    /** Names searched and names found so far, counted from the stored results (what a takeover resumes from). */
    long[] progress(String jobId) throws IOException {
        results.refresh();
        long done = results.count(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("job_id").value(jobId)))
                .filter(f -> f.term(t -> t.field("done").value(true)))));
        long found = results.count(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("job_id").value(jobId)))
                .filter(f -> f.term(t -> t.field("done").value(true)))
                .filter(f -> f.range(r -> r.number(n -> n.field("count").gt(0.0))))));
        return new long[] {done, found};
    }

    /**
     * Queued or running batches whose runner has not written since {@code before} (or that never started and were
     * made before it), oldest first.
     */
    List<SystemIndex.Versioned<BatchJob>> abandoned(Instant before, int size) throws IOException {
        List<SystemIndex.Versioned<BatchJob>> found = new ArrayList<>();
        for (BatchJob job : jobs.find(s -> s.size(size)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(List.of(
                                FieldValue.of(BatchJob.Status.queued.name()),
                                FieldValue.of(BatchJob.Status.running.name()))))))
                        .should(h -> h.range(r -> r.date(d -> d.field("heartbeat_at").lt(before.toString()))))
                        .should(h -> h.bool(n -> n.mustNot(m -> m.exists(e -> e.field("heartbeat_at")))
                                .filter(f -> f.range(r -> r.date(d -> d.field("created_at").lt(before.toString()))))))
                        .minimumShouldMatch("1")))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc))))) {
            jobs.getVersioned(job.id()).ifPresent(found::add);
        }
        return found;
    }

    /** Writes the job only if nobody changed it since it was read: true when this instance now holds it. */
    boolean claim(SystemIndex.Versioned<BatchJob> read, BatchJob claimed) throws IOException {
        return jobs.indexIfUnchanged(claimed.id(), claimed, read.version(), Refresh.WaitFor).isPresent();
    }

    void refreshResults() throws IOException {
        results.refresh();
    }
}
