package org.clipfile.batch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
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

    void refreshResults() throws IOException {
        results.refresh();
    }
}
