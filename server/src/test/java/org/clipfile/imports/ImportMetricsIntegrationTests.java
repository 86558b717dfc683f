package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.Archives;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The Prometheus endpoint: for administrators only, with Clipfile's own meters. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-import-metrics", "clipfile.imports.spool-dir=target/test-spool"})
class ImportMetricsIntegrationTests extends ArchiveServerTest {
    @Autowired
    ImportService imports;

    @BeforeEach
    void setUp() throws IOException {
        imports.indexReady(index);
    }

    private static final String FAILED = "clipfile_import_documents_total{outcome=\"failed\"}";

    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(exposition);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void shouldCountImportedDocumentsAndShowTheAuditQueueToAdministrators() throws Exception {
        double before = value(http.get("/actuator/prometheus").body(),
                "clipfile_import_documents_total{outcome=\"indexed\"}");
        byte[] zip = Archives.zip(Map.of("a.txt", "Harbour reopens\n\nThe harbour reopened after the storm.",
                "b.txt", "Harvest late\n\nThe harvest came late this year.", "c.txt", ""));
        http.awaitImportsStarted();
        Http.Response started = http.post("/api/imports?name=metrics.zip", "application/zip", zip);
        ImportJobs.awaitEnd(http, started.json().get("id").asString(), Duration.ofMinutes(2));

        // The job is visible as ended a moment before its failures are added to the counter.
        Http.Response metrics = http.get("/actuator/prometheus");
        for (int i = 0; i < 50 && value(metrics.body(), FAILED) <= 0; i++) {
            Thread.sleep(100);
            metrics = http.get("/actuator/prometheus");
        }

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(value(metrics.body(), "clipfile_import_documents_total{outcome=\"indexed\"}"))
                .isEqualTo(Math.max(before, 0) + 2);
        assertThat(value(metrics.body(), FAILED)).isGreaterThan(0);
        assertThat(metrics.body()).contains("clipfile_audit_queue ", "clipfile_audit_dropped_total ",
                "clipfile_bulk_retries_total ", "http_server_requests_seconds_bucket");
    }

    @Test
    void shouldRefuseMetricsToAnonymousCallersAndToReaders() {
        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.as(Role.reader).get("/actuator/prometheus").status()).isEqualTo(403);
    }
}
