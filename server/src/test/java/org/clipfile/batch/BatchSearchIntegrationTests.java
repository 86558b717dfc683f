package org.clipfile.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.Polls;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Batch searches over HTTP on a real Elasticsearch: aliases and romanisations, filters, CSV in and out, the audit,
 * and the takeover of a batch whose instance stopped (the scheduled scan is kept out of the way: the tests scan).
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-batch", "clipfile.alerts.enabled=false",
        "clipfile.batch.names-per-request=2", "clipfile.batch.takeover-interval=1h"})
class BatchSearchIntegrationTests extends ArchiveServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    BatchStore store;

    @org.springframework.beans.factory.annotation.Autowired
    org.clipfile.collections.CollectionService collections;

    @org.springframework.beans.factory.annotation.Autowired
    BatchTakeover takeover;

    @org.springframework.beans.factory.annotation.Autowired
    BatchRunner runner;

    /** The server makes these indices in the background at start; the first test may come sooner. */
    @org.junit.jupiter.api.BeforeEach
    void ensureIndices() throws Exception {
        store.ensureExists();
        collections.indexReady(index);
    }

    private String article(String title, String body, String source) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "%s", "source": "%s", "published": "2024-03-01"}"""
                .formatted(title, body, source));
        assertThat(created.status()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitDone(Http as, String id) throws InterruptedException {
        return Polls.every(Duration.ofMillis(100), Duration.ofSeconds(60)).alias("batch " + id + " did not finish")
                .until(() -> as.get("/api/batch-searches/" + id + "?size=1000").json(), page -> {
                    String status = page.get("batch").get("status").asString();
                    return status.equals("completed") || status.equals("failed");
                });
    }

    private static JsonNode result(JsonNode page, String name) {
        for (JsonNode result : page.get("results")) {
            if (result.get("name").asString().equals(name)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + name);
    }

    @Test
    void shouldFindAPersonUnderAnotherRomanisationAndReportTheCanonicalEntity() throws Exception {
        String observatory = article("Observatory counts the dead near Atme",
                "Observatory chief Rami Abdel Rahman told AFP that 13 people were killed near Atme.", "AFP");
        Http.Response created = http.post("/api/batch-searches", "application/json", """
                {"names": ["Abd al-Rahman", "Zebulon Quartermain", "  ", "Atme"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.json().get("names_total").asLong()).as("blank names are dropped").isEqualTo(3);

        String id = created.json().get("id").asString();
        JsonNode page = awaitDone(http, id);

        assertThat(page.get("batch").get("status").asString()).isEqualTo("completed");
        assertThat(page.get("batch").get("names_done").asLong()).isEqualTo(3);
        JsonNode audited = org.clipfile.testsupport.AuditEvents.await(http, "size=100&action=batch-search.run",
                e -> e.path("target").asString("").equals(id));
        assertThat(audited.get("user").asString()).as("a system action").isEqualTo("system");
        assertThat(audited.get("auth").asString()).isEqualTo("system");
        assertThat(audited.get("result_count").asLong()).isEqualTo(3);
        assertThat(audited.get("detail").asString()).contains("3 of 3 names searched");
        JsonNode rahman = result(page, "Abd al-Rahman");
        assertThat(rahman.get("count").asLong()).isGreaterThanOrEqualTo(1);
        List<String> entities = new ArrayList<>();
        rahman.get("entities").forEach(e -> entities.add(e.get("id").asString()));
        assertThat(entities).contains("person:rami-abdel-rahman");
        assertThat(ids(rahman.get("top_articles"))).contains(observatory);
        assertThat(result(page, "Zebulon Quartermain").get("count").asLong()).isZero();
        assertThat(result(page, "Atme").get("count").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldApplyTheFiltersAndAcceptACsvUploadAndDownloadTheResultsAsCsv() throws Exception {
        article("Drought in the valley", "Farmer Aurelio Fontaneda says the wells are dry.", "Valley Post");
        article("Drought spreads", "Aurelio Fontaneda and his neighbours sold their cattle.", "Other Wire");
        String csv = "name,comment\r\n\"Fontaneda, Aurelio\",reversed\r\nAurelio Fontaneda,\"plain, \"\"quoted\"\"\"\r\n"
                + "=cmd|' /C calc'!A0,injection\r\n";
        Http.Response created = http.post("/api/batch-searches?query=" + Http.encode("source=Valley Post"),
                "text/csv", csv);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("id").asString();

        JsonNode page = awaitDone(http, id);

        assertThat(page.get("batch").get("names_total").asLong()).as("header row, then 3 names").isEqualTo(4);
        assertThat(result(page, "Aurelio Fontaneda").get("count").asLong()).as("only Valley Post").isEqualTo(1);
        Http.Response download = http.get("/api/batch-searches/" + id + ".csv");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.body()).contains("\"Aurelio Fontaneda\",\"1\",").contains("'=cmd");
        assertThat(http.as(Role.reader).get("/api/batch-searches/" + id).status()).as("someone else's batch")
                .isEqualTo(404);
    }

    @Test
    void shouldAcceptACsvAsAMultipartUpload() throws Exception {
        article("Orchard fire", "Beekeeper Ottilie Brandvold lost her hives.", "Farm Wire");
        String boundary = "----clipfile-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"names.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nOttilie Brandvold,beekeeper\r\nNo Such Person\r\n\r\n--" + boundary
                + "--\r\n";
        Http.Response created = http.post("/api/batch-searches", "multipart/form-data; boundary=" + boundary, body);
        assertThat(created.status()).as(created.body()).isEqualTo(202);

        JsonNode page = awaitDone(http, created.json().get("id").asString());

        assertThat(page.get("batch").get("names_total").asLong()).isEqualTo(2);
        assertThat(result(page, "Ottilie Brandvold").get("count").asLong()).isEqualTo(1);
    }

    /**
     * A batch its instance left running after one of three names, as a stopped instance leaves it: the heartbeat
     * stops. Written straight to the store, with the heartbeat's age simulated by the time given to the scan.
     */
    private String abandonedBatch(String stoppedRunner, Instant heartbeat) throws Exception {
        String id = "abandoned-" + System.nanoTime();
        store.save(new BatchJob(id, "admin", BatchJob.Status.running, "source=Port%20Wire", 3, 1, 1, heartbeat,
                heartbeat, null, null, stoppedRunner, heartbeat), true);
        store.saveResults(List.of(
                new BatchResult(id, 0, "Searched before the stop", true, 7, List.of(), List.of(), null),
                BatchResult.pending(id, 1, "Ingeborg Halvorsen"),
                BatchResult.pending(id, 2, "Zebulon Quartermain")), true);
        return id;
    }

    @Test
    void shouldTakeOverABatchWhoseInstanceStoppedAndResumeWithThePendingNames() throws Exception {
        article("Harbour pilots strike", "Pilot Ingeborg Halvorsen said the harbour was closed.", "Port Wire");
        article("Pilots elsewhere", "Ingeborg Halvorsen also spoke to another wire.", "Other Wire");
        Instant now = Instant.now();
        String live = abandonedBatch("live-instance/1", now);

        assertThat(takeover.scan(now)).as("a fresh heartbeat is left alone").isZero();
        assertThat(store.find(live).orElseThrow().runner()).isEqualTo("live-instance/1");

        String stopped = abandonedBatch("stopped-instance/2", now.minus(Duration.ofMinutes(10)));
        assertThat(takeover.scan(now)).as("only the stale one").isEqualTo(1);
        JsonNode page = awaitDone(http, stopped);

        JsonNode batch = page.get("batch");
        assertThat(batch.get("status").asString()).isEqualTo("completed");
        assertThat(batch.get("runner").asString()).isEqualTo(runner.instance());
        assertThat(batch.get("names_done").asLong()).isEqualTo(3);
        assertThat(batch.get("names_found").asLong()).as("the name found before the stop counts").isEqualTo(2);
        assertThat(result(page, "Searched before the stop").get("count").asLong())
                .as("not searched again").isEqualTo(7);
        assertThat(result(page, "Ingeborg Halvorsen").get("count").asLong())
                .as("the batch's filter (source) still applies").isEqualTo(1);
        assertThat(result(page, "Zebulon Quartermain").get("count").asLong()).isZero();
        assertThat(takeover.scan(Instant.now())).as("a finished batch is not taken again").isZero();
        assertThat(store.find(live).orElseThrow().runner()).isEqualTo("live-instance/1");

        JsonNode audited = org.clipfile.testsupport.AuditEvents.await(http, "size=100&action=batch-search.takeover",
                e -> e.path("target").asString("").equals(stopped));
        assertThat(audited.get("user").asString()).isEqualTo("system");
        assertThat(audited.get("detail").asString()).contains("from stopped-instance/2", "1 of 3 names searched");
        store.save(store.find(live).orElseThrow().failed("test over"), true);
    }

    @Test
    void shouldRefuseBadBatchesWithProblems() {
        assertThat(http.post("/api/batch-searches", "application/json", "{\"names\": []}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/batch-searches", "application/json", "{\"names\": \"Alice\"}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/batch-searches", "application/json", "{\"names\": [\"x\"], \"query\": \"q=%22\"}")
                .status()).isEqualTo(400);
        Http.Response tooLong = http.post("/api/batch-searches", "application/json",
                "{\"names\": [\"" + "a".repeat(300) + "\"]}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/batch-searches", "application/xml", "<names/>").status()).isEqualTo(415);
        assertThat(http.get("/api/batch-searches/no-such-batch").status()).isEqualTo(404);
    }
}
