package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * While a re-index runs, its progress reaches Elasticsearch at every heartbeat (here every 400 ms, a third of
 * {@code abandoned-after}), and a second start on the same instance is refused by the same lock as on any other.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-reindex-progress",
        "clipfile.imports.abandoned-after=1200ms"})
class ReindexProgressIntegrationTests extends ArchiveServerTest {
    static final int ARTICLES = 6_000;

    @Autowired
    ReindexRunStore store;

    @Test
    void shouldWriteProgressWhileRunningAndRefuseASecondStart() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(new Article("rp-" + i, "Dispatch " + i, "Body of dispatch number " + i + ".",
                    Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i * 60L), "Test Wire", null, null, List.of(),
                    null, "en", Instant.now(), "rp-hash-" + i, null));
        }
        index.saveAll(articles, true);

        Http.Response started = http.post("/api/admin/reindex", "application/json", "");
        Http.Response second = http.post("/api/admin/reindex", "application/json", "");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("/problems/reindex-running");
        String target = started.json().get("to").asString();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<ReindexRun> progress = new ArrayList<>();
        JsonNode status = http.get("/api/admin/reindex").json();
        while (status.get("state").asString().equals("running") && System.nanoTime() < deadline) {
            store.find(target).filter(r -> r.state().equals("running")).ifPresent(progress::add);
            Thread.sleep(100);
            status = http.get("/api/admin/reindex").json();
        }

        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        assertThat(status.get("copied").asLong()).isEqualTo(ARTICLES);
        assertThat(progress).as("progress written while running")
                .anySatisfy(r -> {
                    assertThat(r.copied()).isBetween(1L, (long) ARTICLES);
                    assertThat(r.docsPerSecond()).isPositive();
                    assertThat(r.heartbeatAt()).isAfter(r.startedAt());
                });
    }
}
