package org.clipfile.sysindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.sysindex.SystemIndex.Version;
import org.clipfile.sysindex.SystemIndex.Versioned;
import org.clipfile.testsupport.TestElasticsearch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system-index gateway on a real Elasticsearch, with a mapping file of the tests' own. */
class SystemIndexIntegrationTests {
    private static final String ARTICLE_ALIAS = "it-sysindex";
    private static final String ALIAS = ARTICLE_ALIAS + "-notes";
    private static final String INDEX = ALIAS + "-v2";
    private static final ElasticsearchClient client = TestElasticsearch.client();

    record Note(String id, String owner, @Nullable Map<String, Long> counts) {}

    private static SystemIndex<Note> notes() {
        return new SystemIndices(client, ARTICLE_ALIAS).define("notes", "system-index-test.json", Note.class);
    }

    @BeforeEach
    void dropTheIndex() throws IOException {
        client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    @Test
    void shouldCreateTheVersionedIndexBehindTheAliasFromTheMappingFile() throws IOException {
        SystemIndex<Note> notes = notes();

        notes.ensureExists();

        assertThat(notes.alias()).isEqualTo(ALIAS);
        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).aliases()).containsOnlyKeys(INDEX);
        var mapping = client.indices().getMapping(m -> m.index(INDEX)).get(INDEX).mappings();
        assertThat(mapping.properties()).containsOnlyKeys("id", "owner", "counts");
        assertThat(mapping.dynamic()).hasToString("Strict");
    }

    @Test
    void shouldLeaveAnExistingIndexAndItsDocumentsAloneWhenEnsuredAgain() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("a", new Note("a", "ann", null), Refresh.WaitFor);

        notes.ensureExists();
        notes().ensureExists(); // as another server instance starting later

        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).aliases()).containsOnlyKeys(INDEX);
        assertThat(notes.get("a")).contains(new Note("a", "ann", null));
    }

    @Test
    void shouldCreateTheIndexOnceWhenInstancesStartTogether() throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> started = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            SystemIndex<Note> instance = notes();
            started.add(pool.submit((Callable<Void>) () -> {
                start.await();
                instance.ensureExists();
                instance.index("from-" + System.identityHashCode(instance), new Note("x", "x", null), Refresh.False);
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> each : started) {
            each.get(); // throws if any instance failed
        }
        pool.shutdown();

        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).aliases()).containsOnlyKeys(INDEX);
        client.indices().refresh(r -> r.index(ALIAS));
        assertThat(notes().count(q -> q.term(t -> t.field("owner").value("x")))).isEqualTo(instances);
    }

    @Test
    void shouldLandEveryConcurrentPartialUpdateOfOneDocument() throws Exception {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("busy", new Note("busy", "ann", Map.of()), Refresh.False);
        // Two writers, as in the stores (an owner looking, a webhook reporting); with eight hammering one document,
        // five retries were seen to run out.
        int writers = 2;
        int updatesEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String field = "w" + w;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (long n = 1; n <= updatesEach; n++) {
                    notes.update("busy", Map.of("counts", Map.of(field, n)), Refresh.False);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> each : done) {
            each.get(); // a 409 after the retries would fail here
        }
        pool.shutdown();

        Map<String, Long> counts = notes.get("busy").orElseThrow().counts();
        assertThat(counts).hasSize(writers).allSatisfy((field, n) -> assertThat(n).isEqualTo(updatesEach));
        assertThat(notes.getVersioned("busy").orElseThrow().version().seqNo())
                .as("every update was a write of its own").isGreaterThanOrEqualTo(writers * updatesEach);
    }

    @Test
    void shouldRefuseAConditionalWriteOnADocumentChangedSinceItWasRead() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("n", new Note("n", "ann", null), Refresh.False);
        Versioned<Note> read = notes.getVersioned("n").orElseThrow();
        Optional<Version> first = notes.indexIfUnchanged("n", new Note("n", "bob", null), read.version(),
                Refresh.False);

        Optional<Version> stale = notes.indexIfUnchanged("n", new Note("n", "eve", null), read.version(),
                Refresh.False);

        assertThat(first).isPresent();
        assertThat(stale).isEmpty();
        assertThat(notes.get("n").orElseThrow().owner()).isEqualTo("bob");
        assertThat(notes.deleteIfUnchanged("n", read.version())).isFalse();
        assertThat(notes.deleteIfUnchanged("n", first.get())).isTrue();
        assertThat(notes.get("n")).isEmpty();
    }

    @Test
    void shouldCreateADocumentOnlyOnce() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();

        assertThat(notes.create("once", new Note("once", "ann", null), Refresh.False)).isPresent();
        assertThat(notes.create("once", new Note("once", "eve", null), Refresh.False)).isEmpty();
        assertThat(notes.get("once").orElseThrow().owner()).isEqualTo("ann");
    }

    @Test
    void shouldDeleteADocumentAndSayWhenThereWasNone() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("d", new Note("d", "ann", null), Refresh.False);

        assertThat(notes.delete("d", Refresh.WaitFor)).isTrue();
        assertThat(notes.delete("d", Refresh.WaitFor)).isFalse();
        assertThat(notes.delete("never-there", Refresh.False)).isFalse();
    }

    @Test
    void shouldFindDocumentsByQueryInTheRequestedOrderWhenVisible() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("b", new Note("b", "ann", null), Refresh.False);
        notes.index("a", new Note("a", "ann", null), Refresh.False);
        notes.index("c", new Note("c", "bob", null), Refresh.WaitFor);

        List<@Nullable Note> ann = notes.find(s -> s.query(q -> q.term(t -> t.field("owner").value("ann")))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

        assertThat(ann).extracting(n -> n == null ? null : n.id()).containsExactly("a", "b");
        assertThat(notes.count(q -> q.matchAll(m -> m))).isEqualTo(3);
    }

    @Test
    void shouldTreatForgedIdsAsDocumentsOfThisIndexOnly() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();
        notes.index("real", new Note("real", "ann", null), Refresh.WaitFor);

        for (String forged : List.of("../_search", "real/../../_cluster/settings", "real?refresh=true", "%2e%2e",
                "real#x", "ré al\u0000", "*", "_all")) {
            assertThat(notes.get(forged)).as(forged).isEmpty();
            assertThat(notes.delete(forged, Refresh.False)).as(forged).isFalse();
        }
        assertThat(notes.get("real")).isPresent();
    }

    @Test
    void shouldReportAMissingIndexAsSuch() throws IOException {
        SystemIndex<Note> notes = notes();

        assertThatThrownBy(() -> notes.get("a"))
                .isInstanceOfSatisfying(ElasticsearchException.class,
                        e -> assertThat(SystemIndex.isMissingIndex(e)).isTrue());
        assertThat(SystemIndex.unlessMissing(() -> notes.count(q -> q.matchAll(m -> m)), -1L)).isEqualTo(-1L);
    }

    @Test
    void shouldPassOnEveryOtherRefusalOfAReadThatAllowsAMissingIndex() throws IOException {
        SystemIndex<Note> notes = notes();
        notes.ensureExists();

        // A term query on a field the strict mapping does not have matches nothing; sorting on it is refused (400).
        assertThatThrownBy(() -> SystemIndex.unlessMissing(() -> notes.find(s -> s
                .sort(o -> o.field(f -> f.field("no_such_field").order(SortOrder.Asc)))), List.of()))
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(SystemIndex.unlessMissing(() -> notes.count(q -> q.matchAll(m -> m)), -1L)).isZero();
    }

    @Test
    void shouldRefuseASuffixThatIsNotAPlainName() {
        SystemIndices indices = new SystemIndices(client, ARTICLE_ALIAS);

        for (String suffix : List.of("", "Notes", "../x", "a,b", "*", "-x")) {
            assertThatThrownBy(() -> indices.define(suffix, "system-index-test.json", Note.class))
                    .as(suffix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRefuseAMissingMappingFileAtDefinition() {
        assertThatThrownBy(() -> new SystemIndices(client, ARTICLE_ALIAS).define("x", "no-such.json", Note.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such.json");
    }
}
