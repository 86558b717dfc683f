package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.clipfile.ingest.ImportLimits;
import org.clipfile.ingest.ImportSource;
import org.clipfile.ingest.IngestService;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** One import's stages on a real parser, preparer and job store, with a writer that breaks. */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-import-runner")
class ImportRunnerIntegrationTests {
    @Autowired
    ImportJobStore store;

    @Autowired
    IngestService ingest;

    @Test
    void shouldFailTheJobInsteadOfHangingWhenTheWriterThreadThrows() throws IOException {
        store.ensureExists();
        Path folder = Files.createDirectories(Path.of("target", "test-import-runner"));
        Path file = folder.resolve("many.ndjson");
        StringBuilder lines = new StringBuilder();
        // More documents than the queues between the stages hold, so that parsers block if nobody drains them.
        for (int i = 0; i < 3_000; i++) {
            lines.append("{\"title\": \"Story ").append(i).append("\", \"body\": \"Short body number ").append(i)
                    .append(".\"}\n");
        }
        Files.writeString(file, lines);
        ImportSource source = new ImportSource(file, "many.ndjson", null, ImportLimits.defaults());
        ImportRunner runner = new ImportRunner(store, ingest, outcome -> {
            throw new IllegalStateException("the document could not be serialised");
        }, 2);
        ImportJob job = ImportJob.queued("runnertest0000000001", ImportJob.SourceKind.folder, "many.ndjson",
                file.toString(), null).started("test", 3_000);

        ImportJob end = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner.run(job, source));

        assertThat(end.status()).isEqualTo(ImportJob.Status.failed);
        assertThat(end.error()).contains("could not be written");
    }
}
