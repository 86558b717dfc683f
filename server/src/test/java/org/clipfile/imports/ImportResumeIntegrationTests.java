package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ServerProcess;
import org.clipfile.testsupport.TestCredentials;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A server killed with SIGKILL in the middle of an import leaves the job behind in Elasticsearch; the next server
 * takes it over, runs it to the end, and the archive holds every document exactly once. Both servers are the
 * packaged jar in child processes, so nothing of the first survives in this JVM.
 */
class ImportResumeIntegrationTests {
    static final int DOCUMENTS = 20_000;

    @Test
    void shouldFinishAnImportWhoseServerWasKilledWithoutLossOrDuplicates() throws Exception {
        Path spool = Path.of("target/test-resume-spool").toAbsolutePath();
        Path ndjson = Files.createDirectories(Path.of("target/test-resume")).resolve("wire.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            lines.append("{\"title\": \"Resume story ").append(i).append("\", \"body\": \"Body of resumable story ")
                    .append(i).append(" about the marmotian valley.\"}\n");
        }
        Files.writeString(ndjson, lines, StandardCharsets.UTF_8);
        String jobId;
        String key = TestCredentials.keyIn(TestElasticsearch.client(), "it-resume", Role.editor);

        try (ServerProcess first = ServerProcess.start("resume-first-server", arguments(spool))) {
            Http http = first.awaitHttp(Duration.ofMinutes(3)).withApiKey(key);
            jobId = ImportJobs.start(http, "wire.ndjson", "application/x-ndjson", Files.readAllBytes(ndjson));
            JsonNode job = ImportJobs.awaitProcessed(http, jobId, 1, Duration.ofMinutes(1));
            first.kill();
            assertThat(job.get("processed").asLong()).as("killed in the middle").isLessThan(DOCUMENTS);
        }

        try (ServerProcess second = ServerProcess.start("resume-second-server", arguments(spool))) {
            Http http = second.awaitHttp(Duration.ofMinutes(3)).withApiKey(key);
            JsonNode job = ImportJobs.awaitCompleted(http, jobId, Duration.ofMinutes(4));

            assertThat(job.get("attempt").asInt()).isEqualTo(2);
            assertThat(job.get("indexed").asLong()).isEqualTo(DOCUMENTS);
            assertThat(job.get("failed").asLong()).isZero();
            JsonNode all = http.get("/api/search?q=marmotian&size=1").json();
            assertThat(all.get("total").asLong()).as("every document once").isEqualTo(DOCUMENTS);
        }
    }

    private static List<String> arguments(Path spool) {
        return List.of(
                "--spring.elasticsearch.uris=" + TestElasticsearch.uri(),
                "--clipfile.index.alias=it-resume",
                "--clipfile.samples.enabled=false",
                "--clipfile.imports.spool-dir=" + spool,
                "--clipfile.imports.abandoned-after=2s",
                "--clipfile.imports.bulk-operations=200");
    }
}
