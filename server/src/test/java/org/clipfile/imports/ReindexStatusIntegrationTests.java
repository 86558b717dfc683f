package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.Polls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A re-index keeps its run and its lock in Elasticsearch: the status is answered from there (so any instance can
 * answer it), a second start is refused while another instance holds the lock, and a run whose instance stopped
 * reporting is reported failed and taken over. "Another instance" is played by documents written here, exactly
 * as the store writes them.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-reindex-status")
class ReindexStatusIntegrationTests extends ArchiveServerTest {
    private static final String RUNS = "it-reindex-status-reindex-runs";

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ReindexRunStore store;

    @BeforeEach
    void forgetEarlierRuns() throws IOException {
        // The minimal distribution has no _delete_by_query: drop the index behind the alias and make it again.
        store.ensureExists();
        for (String concrete : client.indices().getAlias(a -> a.name(RUNS)).aliases().keySet()) {
            client.indices().delete(d -> d.index(concrete));
        }
        store.ensureExists();
    }

    private void indexArticles(int count) throws IOException {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            articles.add(new Article("rs-" + i, "Report " + i, "Body of report number " + i + ".",
                    Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i * 60L), "Test Wire", null, null, List.of(),
                    null, "en", Instant.now(), "rs-hash-" + i, null));
        }
        index.saveAll(articles, true);
    }

    @Test
    void shouldKeepTheRunInElasticsearchAndReleaseTheLockAtTheEnd() throws Exception {
        indexArticles(1_500);

        Http.Response started = http.post("/api/admin/reindex", "application/json", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String target = started.json().get("to").asString();
        assertThat(target).startsWith("it-reindex-status-v");
        assertThat(started.json().get("owner").asString()).isNotBlank();
        assertThat(store.find(target)).as("written at the start").isPresent();

        JsonNode status = awaitEnd(Duration.ofMinutes(3));

        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        assertThat(status.get("copied").asLong()).isEqualTo(1_500);
        ReindexRun stored = store.find(target).orElseThrow();
        assertThat(stored.state()).isEqualTo("completed");
        assertThat(stored.copied()).isEqualTo(1_500);
        assertThat(stored.heartbeatAt()).isNotNull();
        assertThat(stored.owner()).isEqualTo(status.get("owner").asString());
        assertThat(store.lock()).as("the lock is released").isEmpty();
        assertThat(index.currentIndex()).isEqualTo(target);
    }

    @Test
    void shouldRefuseAReindexWhileAnotherInstanceRunsOne() throws Exception {
        Instant now = Instant.now();
        String from = index.currentIndex();
        ReindexRun running = new ReindexRun(ReindexRun.KIND, "it-reindex-status-v9-other", "running", from,
                "it-reindex-status-v9-other", "copy", false, 700, 700, 0, List.of(), "other-instance", now.minusSeconds(20), now,
                null, 35, null);
        store.save(running, true);
        client.create(c -> c.index(RUNS).id(ReindexRunStore.LOCK).refresh(Refresh.True)
                .document(new ReindexLock(ReindexLock.KIND, running.id(), "other-instance", now)));

        Http.Response refused = http.post("/api/admin/reindex", "application/json", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/reindex-running");
        assertThat(refused.json().get("detail").asString()).contains("it-reindex-status-v9-other");
        JsonNode status = http.get("/api/admin/reindex").json();
        assertThat(status.get("state").asString()).isEqualTo("running");
        assertThat(status.get("owner").asString()).isEqualTo("other-instance");
        assertThat(status.get("copied").asLong()).isEqualTo(700);
        assertThat(index.currentIndex()).isEqualTo(from);
    }

    @Test
    void shouldReportARunWhoseInstanceStoppedAsFailedAndLetANewOneTakeOver() throws Exception {
        indexArticles(50);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        String from = index.currentIndex();
        ReindexRun dead = new ReindexRun(ReindexRun.KIND, "it-reindex-status-v9-dead", "running", from,
                "it-reindex-status-v9-dead", "copy", false, 300, 300, 0, List.of(), "dead-instance", longAgo.minusSeconds(5),
                longAgo, null, 60, null);
        store.save(dead, true);
        client.create(c -> c.index(RUNS).id(ReindexRunStore.LOCK).refresh(Refresh.True)
                .document(new ReindexLock(ReindexLock.KIND, dead.id(), "dead-instance", longAgo)));

        JsonNode reported = http.get("/api/admin/reindex").json();

        assertThat(reported.get("state").asString()).isEqualTo("failed");
        assertThat(reported.get("error").asString()).contains("dead-instance").contains("not moved")
                .contains(from + " is still the live one").contains("nothing is lost").contains("again");

        Http.Response started = http.post("/api/admin/reindex", "application/json", "");
        assertThat(started.status()).as("the stale lock is taken over: " + started.body()).isEqualTo(202);
        JsonNode status = awaitEnd(Duration.ofMinutes(2));
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        assertThat(status.get("copied").asLong()).isEqualTo(50);
        assertThat(store.find(dead.id()).orElseThrow().state()).as("the dead run is recorded as failed")
                .isEqualTo("failed");
    }

    @Test
    void shouldAnswerNotFoundBeforeAnyReindex() {
        Http.Response none = http.get("/api/admin/reindex");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    private JsonNode awaitEnd(Duration timeout) throws InterruptedException {
        return Polls.every(Duration.ofMillis(200), timeout).alias("re-index still running")
                .until(() -> http.get("/api/admin/reindex").json(),
                        status -> !status.get("state").asString().equals("running"));
    }
}
