package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clipfile.testsupport.Http;
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
            jobId = startWhenReady(http, Files.readAllBytes(ndjson));
            JsonNode job = awaitProgress(http, jobId);
            first.kill();
            assertThat(job.get("processed").asLong()).as("killed in the middle").isLessThan(DOCUMENTS);
        }

        try (ServerProcess second = ServerProcess.start("resume-second-server", arguments(spool))) {
            Http http = second.awaitHttp(Duration.ofMinutes(3)).withApiKey(key);
            JsonNode job = awaitStatus(http, jobId, "completed", Duration.ofMinutes(4));

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

    /** Posts the import, retrying while the server answers 503 (still preparing its indices). */
    private static String startWhenReady(Http http, byte[] ndjson) throws InterruptedException {
        Http.Response response = null;
        for (int i = 0; i < 600; i++) {
            response = http.post("/api/imports?name=wire.ndjson", "application/x-ndjson", ndjson);
            if (response.status() == 202) {
                return response.json().get("id").asString();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            Thread.sleep(100);
        }
        throw new AssertionError("server never accepted the import: " + response);
    }

    private static JsonNode awaitProgress(Http http, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = http.get("/api/imports/" + id).json();
            if (job.get("processed").asLong() > 0) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import never progressed");
    }

    private static JsonNode awaitStatus(Http http, String id, String status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/imports/" + id);
            if (response.status() == 200) {
                job = response.json();
                if (job.get("status").asString().equals(status)) {
                    return job;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " never reached " + status + "; last: " + job);
    }
}
