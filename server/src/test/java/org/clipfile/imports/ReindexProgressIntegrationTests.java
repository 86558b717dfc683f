package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.JsonData;
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
 * The re-index a server starts by itself for an older mapping waits for a lock held elsewhere, and then runs.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-reindex-progress",
        "clipfile.imports.abandoned-after=1200ms"})
class ReindexProgressIntegrationTests extends ArchiveServerTest {
    static final int ARTICLES = 6_000;

    @Autowired
    ReindexRunStore store;

    @Autowired
    Reindexer reindexer;

    @Autowired
    ElasticsearchClient client;

    @Test
    void shouldWriteProgressWhileRunningAndRefuseASecondStart() throws Exception {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(new Article("rp-" + i, "Dispatch " + i, "Body of dispatch number " + i + ".",
                    Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i * 60L), "Test Wire", null, null, List.of(),
                    null, "en", Instant.now(), "rp-hash-" + i, null));
        }
        index.saveAll(articles, true);
        long inArchive = index.count(); // with what other tests of this class left

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
        assertThat(status.get("copied").asLong()).isEqualTo(inArchive);
        assertThat(progress).as("progress written while running")
                .anySatisfy(r -> {
                    assertThat(r.copied()).isBetween(1L, inArchive);
                    assertThat(r.docsPerSecond()).isPositive();
                    assertThat(r.heartbeatAt()).isAfter(r.startedAt());
                });
    }

    @Test
    void shouldStartTheMappingReindexAtStartUpOnceTheLockHolderIsGone() throws Exception {
        index.saveAll(List.of(new Article("rp-old", "Old mapping", "An article under an older mapping.", null,
                "Test Wire", null, null, List.of(), null, "en", Instant.now(), "rp-old-hash", null)), true);
        String before = index.currentIndex();
        // The lock first: the server's own start-up check may run at any moment and must find it held.
        store.ensureExists(); // the server makes it in the background; a write before would auto-create an index
        client.create(c -> c.index(store.alias()).id(ReindexRunStore.LOCK).refresh(Refresh.True)
                .document(new ReindexLock(ReindexLock.KIND, "it-reindex-progress-v9-other", "other-instance",
                        Instant.now())));
        client.indices().putMapping(p -> p.index(before).meta("version", JsonData.of(0)));
        assertThat(index.behindDefinition()).isTrue();

        reindexer.indexReady(index);

        assertThat(index.currentIndex()).as("refused while the other instance reports").isEqualTo(before);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (index.currentIndex().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(index.currentIndex()).as("re-indexed once the lock went stale").isNotEqualTo(before);
        assertThat(index.behindDefinition()).isFalse();
        assertThat(index.find("rp-old")).isPresent();
        JsonNode status = http.get("/api/admin/reindex").json();
        while (status.get("state").asString().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = http.get("/api/admin/reindex").json();
        }
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
    }
}
