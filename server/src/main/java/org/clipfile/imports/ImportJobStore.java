package org.clipfile.imports;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.springframework.stereotype.Component;

/**
 * Import jobs and their failures in Elasticsearch ({@code <alias>-imports}, {@code <alias>-import-failures}),
 * so that every server instance sees the same jobs and a restart forgets nothing.
 */
@Component
class ImportJobStore {
    private final SystemIndex<ImportJob> jobs;
    private final SystemIndex<ImportFailure> failures;

    ImportJobStore(SystemIndices indices) {
        this.jobs = indices.define("imports", "imports.json", ImportJob.class);
        this.failures = indices.define("import-failures", "import-failures.json", ImportFailure.class);
    }

    void ensureExists() throws IOException {
        jobs.ensureExists();
        failures.ensureExists();
    }

    /** Saves a job; {@code visible} waits until searches (the job list) see it, which reads by id do not need. */
    void save(ImportJob job, boolean visible) throws IOException {
        jobs.index(job.id(), job, visible ? Refresh.WaitFor : Refresh.False);
    }

    void save(ImportJob job) throws IOException {
        save(job, true);
    }

    Optional<ImportJob> find(String id) throws IOException {
        if (!org.clipfile.index.ArticleIndex.possibleId(id)) {
            return Optional.empty();
        }
        return jobs.get(id);
    }

    /** Jobs that should be running but whose owner stopped reporting: their server died or lost its way. */
    List<ImportJob> abandoned(Instant heartbeatBefore) throws IOException {
        return jobs.find(s -> s
                        .size(100)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(List.of(
                                        FieldValue.of("queued"), FieldValue.of("running"))))))
                                .filter(f -> f.bool(o -> o
                                        .should(x -> x.range(r -> r.date(d -> d.field("heartbeat_at")
                                                .lt(heartbeatBefore.toString()))))
                                        .should(x -> x.bool(n -> n.mustNot(m -> m.exists(e -> e.field(
                                                "heartbeat_at"))).filter(c -> c.range(r -> r.date(d -> d
                                                .field("created_at").lt(heartbeatBefore.toString()))))))))))
                        .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc))));
    }

    List<ImportJob> recent(int size) throws IOException {
        return jobs.find(s -> s.size(size).sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc))));
    }

    /** Failures get ids from job and document, so a re-run of the job overwrites instead of duplicating them. */
    void saveFailures(List<ImportFailure> written, boolean visible) throws IOException {
        if (written.isEmpty()) {
            if (visible) {
                // Failures written earlier without a refresh become visible to the failure list now.
                failures.refresh();
            }
            return;
        }
        var response = failures.bulk(visible ? Refresh.WaitFor : Refresh.False, b -> {
            for (ImportFailure failure : written) {
                b.operations(op -> op.index(i -> i.id(failureId(failure)).document(failure)));
            }
            return b;
        });
        if (response.errors()) {
            throw new IOException("Elasticsearch refused import failure records: " + response.items().stream()
                    .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason())
                    .orElse("?"));
        }
    }

    ImportFailures failures(String jobId, int from, int size) throws IOException {
        try {
            var response = failures.search(s -> s.from(from).size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(q -> q.term(t -> t.field("job_id").value(jobId)))
                            .sort(o -> o.field(f -> f.field("document").order(SortOrder.Asc))),
                    ImportFailure.class);
            return new ImportFailures(response.hits().total().value(),
                    response.hits().hits().stream().map(Hit::source).toList());
        } catch (ElasticsearchException e) {
            if (SystemIndex.isMissingIndex(e)) {
                return new ImportFailures(0, List.of());
            }
            throw e;
        }
    }

    private static String failureId(ImportFailure failure) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((failure.jobId() + "\n" + failure.document()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
