package org.clipfile.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Batch jobs and their per-name results in Elasticsearch ({@code <alias>-batch-searches}, {@code -results}). */
@Component
class BatchStore {
    private static final IndexDefinition JOBS = IndexDefinition.fromClasspath("mappings/batch-searches.json");
    private static final IndexDefinition RESULTS =
            IndexDefinition.fromClasspath("mappings/batch-search-results.json");

    private final ElasticsearchClient client;
    private final String jobsAlias;
    private final String resultsAlias;

    BatchStore(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.jobsAlias = index.alias() + "-batch-searches";
        this.resultsAlias = index.alias() + "-batch-search-results";
    }

    ElasticsearchClient client() {
        return client;
    }

    void ensureExists() throws IOException {
        JOBS.ensureExists(client, jobsAlias);
        RESULTS.ensureExists(client, resultsAlias);
    }

    void save(BatchJob job, boolean visible) throws IOException {
        client.index(i -> i.index(jobsAlias).id(job.id()).document(job)
                .refresh(visible ? Refresh.WaitFor : Refresh.False));
    }

    Optional<BatchJob> find(String id) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) { // ids are made here (UUIDs): nothing else names a batch
            return Optional.empty();
        }
        GetResponse<BatchJob> response = client.get(g -> g.index(jobsAlias).id(id), BatchJob.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    List<BatchJob> list(@Nullable String owner, int size) throws IOException {
        return client.search(s -> s.index(jobsAlias).size(size)
                        .query(q -> owner == null ? q.matchAll(m -> m) : q.term(t -> t.field("owner").value(owner)))
                        .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))),
                BatchJob.class).hits().hits().stream().map(Hit::source).toList();
    }

    /** Writes results (or the pending names) by position, so a name is never stored twice. */
    void saveResults(List<BatchResult> results, boolean visible) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        var response = client.bulk(b -> {
            b.index(resultsAlias).refresh(visible ? Refresh.WaitFor : Refresh.False);
            for (BatchResult result : results) {
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
        return client.search(s -> s.index(resultsAlias).size(size)
                        .query(q -> q.bool(b -> {
                            b.filter(f -> f.term(t -> t.field("job_id").value(jobId)));
                            if (pendingOnly) {
                                b.filter(f -> f.term(t -> t.field("done").value(false)));
                            }
                            return b;
                        }))
                        .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc)))
                        .searchAfter(FieldValue.of(afterPosition)),
                BatchResult.class).hits().hits().stream().map(Hit::source).toList();
    }

    void refreshResults() throws IOException {
        client.indices().refresh(r -> r.index(resultsAlias));
    }
}
