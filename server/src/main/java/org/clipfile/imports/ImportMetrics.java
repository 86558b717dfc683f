package org.clipfile.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.clipfile.index.BulkWriter;
import org.springframework.stereotype.Component;

/** Documents imported, failed and re-sent, across every import and re-index run of this instance. */
@Component
class ImportMetrics {
    private final Counter indexed;
    private final Counter failed;
    private final Counter retried;

    ImportMetrics(MeterRegistry registry) {
        indexed = Counter.builder("clipfile.import.documents").tag("outcome", "indexed")
                .description("Documents written by imports").register(registry);
        failed = Counter.builder("clipfile.import.documents").tag("outcome", "failed")
                .description("Documents imports could not index").register(registry);
        retried = Counter.builder("clipfile.bulk.retries")
                .description("Documents sent again because Elasticsearch was busy or unreachable")
                .register(registry);
    }

    /** Failures are counted when the job ends: most are found by the reader and parsers, not the writer. */
    void jobEnded(ImportJob job) {
        failed.increment(job.failed());
    }

    /** The outcome, with indexed documents counted as they are written. */
    BulkWriter.Outcome counting(BulkWriter.Outcome outcome) {
        return new BulkWriter.Outcome() {
            @Override
            public void indexed(String document, boolean created) {
                indexed.increment();
                outcome.indexed(document, created);
            }

            @Override
            public void failed(String document, String reason) {
                outcome.failed(document, reason);
            }

            @Override
            public void retried(int documents) {
                retried.increment(documents);
                outcome.retried(documents);
            }
        };
    }
}
