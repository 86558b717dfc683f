package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.Archives;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.testsupport.Polls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Whole archives over HTTP: every good document indexed, every bad one reported, nothing duplicated. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-imports",
        "clipfile.imports.allowed-roots=target/test-imports", "clipfile.imports.spool-dir=target/test-spool"})
class ImportIntegrationTests extends ArchiveServerTest {
    @Autowired
    ImportService imports;

    @BeforeEach
    void setUp() throws IOException {
        imports.indexReady(index);
    }

    static byte[] mixedArchive() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("world/flood.txt", "Flood in the delta\n\nWater rose overnight in the delta villages.");
        entries.put("strike.json", """
                {"title": "Dockers strike", "body": "Port workers stopped work.", "published": "2024-10-21"}""");
        entries.put("wire.ndjson", """
                {"title": "Wire one", "body": "First wire story about the harvest."}
                {"title": "Wire two", "body": "Second wire story
                {"title": "Wire three", "published": "soon", "body": "Third wire story."}
                {"title": "Wire four", "body": "Fourth wire story about the election."}
                """);
        entries.put("../escape.txt", "Nope\n\nNope.");
        entries.put("empty.txt", "");
        entries.put("title-only.txt", "Only a headline");
        return Archives.zip(entries);
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        return ImportJobs.awaitEnd(http, id, Duration.ofMinutes(2));
    }

    @Test
    void shouldIndexGoodDocumentsAndReportEachBadOneWithItsReason() throws Exception {
        Http.Response started = http.post("/api/imports?name=mixed.zip", "application/zip", mixedArchive());
        assertThat(started.status()).isEqualTo(202);

        JsonNode job = awaitEnd(started.json().get("id").asString());

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("indexed").asLong()).isEqualTo(4);
        assertThat(job.get("failed").asLong()).isEqualTo(5);
        assertThat(job.get("processed").asLong()).isEqualTo(9);
        JsonNode failures = http.get("/api/imports/" + job.get("id").asString() + "/failures").json();
        Map<String, String> reasons = new LinkedHashMap<>();
        failures.get("failures").forEach(f -> reasons.put(f.get("document").asString(), f.get("reason").asString()));
        assertThat(reasons).containsOnlyKeys("mixed.zip!../escape.txt", "mixed.zip!empty.txt",
                "mixed.zip!title-only.txt", "mixed.zip!wire.ndjson:2", "mixed.zip!wire.ndjson:3");
        assertThat(reasons.get("mixed.zip!wire.ndjson:2")).startsWith("Malformed JSON");
        assertThat(reasons.get("mixed.zip!wire.ndjson:3")).contains("published must be an ISO date");
        assertThat(reasons.get("mixed.zip!title-only.txt")).contains("no body");
        JsonNode found = http.get("/api/search?q=" + Http.encode("delta villages")).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        String id = found.get("hits").get(0).get("id").asString();
        assertThat(http.get("/api/articles/" + id).json().get("section").asString()).isEqualTo("world");
    }

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @Test
    void shouldRefreshEverySecondAgainAndFindEveryArticleOnceAnImportEnds() throws Exception {
        Http.Response started = http.post("/api/imports?name=mixed.zip", "application/zip", mixedArchive());
        assertThat(started.status()).isEqualTo(202);

        JsonNode job = awaitEnd(started.json().get("id").asString());

        assertThat(job.get("status").asString()).isEqualTo("completed");
        // The job is reported completed just before the import gives the index its refresh back.
        Polls.every(Duration.ofMillis(100), Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(refreshIntervals()).containsOnly(ImportService.REFRESH));
        assertThat(http.get("/api/search?q=" + Http.encode("\"fourth wire story\"")).json().get("total").asLong())
                .isEqualTo(1);
    }

    private List<String> refreshIntervals() throws IOException {
        return client.indices().getSettings(g -> g.index(index.alias())).settings().values().stream()
                .map(s -> s.settings().index().refreshInterval().time()).toList();
    }

    @Test
    void shouldNotDuplicateAnythingWhenTheSameArchiveIsImportedAgain() throws Exception {
        byte[] archive = Archives.zip(Map.of("again.ndjson", """
                {"title": "Repeat one", "body": "The unique word zanzibarian appears here."}
                {"title": "Repeat two", "body": "The unique word zanzibarian appears again."}
                """));
        awaitEnd(http.post("/api/imports?name=again.zip", "application/zip", archive).json().get("id").asString());
        JsonNode second = awaitEnd(http.post("/api/imports?name=again.zip", "application/zip", archive).json()
                .get("id").asString());

        assertThat(second.get("indexed").asLong()).isEqualTo(2);
        assertThat(second.get("replaced").asLong()).isEqualTo(2);
        assertThat(http.get("/api/search?q=zanzibarian").json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void shouldImportAServerFolderInsideTheAllowedRoots() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/test-imports/desk/politics"));
        Files.writeString(folder.resolve("vote.txt"), "Council vote\n\nThe council voted on the quokkarian plan.");

        Http.Response started = http.post("/api/imports", "application/json", """
                {"path": "target/test-imports/desk", "include": "*.txt"}""");
        JsonNode job = awaitEnd(started.json().get("id").asString());

        assertThat(job.get("indexed").asLong()).isEqualTo(1);
        JsonNode hit = http.get("/api/search?q=quokkarian").json().get("hits").get(0);
        assertThat(hit.get("section").asString()).isEqualTo("politics");
    }

    @Test
    void shouldRefuseFoldersOutsideTheAllowedRoots() {
        Http.Response response = http.post("/api/imports", "application/json", "{\"path\": \"/etc\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/import-forbidden");
    }

    @Test
    void shouldListRecentImports() throws Exception {
        String id = http.post("/api/imports?name=one.txt", "application/octet-stream",
                "One\n\nA single text file.".getBytes()).json().get("id").asString();
        awaitEnd(id);

        JsonNode recent = http.get("/api/imports").json();

        assertThat(StreamSupport.stream(recent.spliterator(), false).map(j -> j.get("id").asString()))
                .contains(id);
    }

    @Test
    void shouldAnswer404ForAnUnknownImport() {
        assertThat(http.get("/api/imports/nope").status()).isEqualTo(404);
    }
}
