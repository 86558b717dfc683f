package org.clipfile.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.ImportJobs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A page sent twice in one import, in two batches: the second batch is checked while the first is written but not
 * yet searchable (an import refreshes the article index every 30 s), and the earlier text is still kept. The stored
 * content hashes are read with a real-time {@code mget}, which sees written articles before a refresh; a
 * non-real-time read would miss the first text here and lose it (docs/recognition.md, "Where the rest of an import's
 * time goes").
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-versions-batches", "clipfile.imports.bulk-operations=1"})
class VersionsAcrossBatchesIntegrationTests extends ArchiveServerTest {

    @Test
    void shouldKeepTheEarlierTextOfAPageSentAgainInALaterBatchOfTheSameImport() throws Exception {
        String marker = "batchx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String first = "The council of " + marker + " voted on Tuesday to close the old bridge to traffic. The mayor "
                + "said the decision was regrettable.";
        String second = first.replace("regrettable", "unavoidable");
        String ndjson = """
                {"title": "Bridge to close", "body": "%s", "url": "%s", "source": "City Paper"}
                {"title": "Bridge to close", "body": "%s", "url": "%s", "source": "City Paper"}
                """.formatted(first, url, second, url);

        String job = ImportJobs.start(http, "twice.ndjson", "application/x-ndjson",
                ndjson.getBytes(StandardCharsets.UTF_8));
        JsonNode done = ImportJobs.awaitCompleted(http, job, Duration.ofSeconds(120));

        assertThat(done.get("indexed").asInt()).as(done.toString()).isEqualTo(2);
        String id = http.get("/api/search?q=" + marker).json().get("hits").get(0).get("id").asString();
        JsonNode history = http.get("/api/articles/" + id + "/versions").json();
        assertThat(history.get("updates").asInt()).as(history.toString()).isEqualTo(1);
        String kept = history.get("versions").get(0).get("body").asString();
        String current = http.get("/api/articles/" + id).json().get("body").asString();
        // Parsers run in parallel: either row may be written first; the other one's text is the version.
        assertThat(List.of(kept, current)).containsExactlyInAnyOrder(first, second);
    }
}
