package org.clipfile.imports;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Re-index runs and the lock that keeps them one at a time, in {@code <alias>-reindex-runs}: every server
 * instance reports the same runs, and a second re-index is refused whichever instance it is asked of.
 */
@Component
class ReindexRunStore {
    private static final IndexDefinition RUNS = IndexDefinition.fromClasspath("mappings/reindex-runs.json");
    static final String LOCK = "lock";

    /** The lock as this instance holds it: the sequence number and primary term of its last write. */
    record Held(String run, long seqNo, long primaryTerm) {}

    /** Thrown when the lock was taken over: this instance was presumed dead. */
    static class LostLockException extends IOException {
        LostLockException(String message) {
            super(message);
        }
    }

    private final ElasticsearchClient client;
    private final String alias;

    ReindexRunStore(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias() + "-reindex-runs";
    }

    String alias() {
        return alias;
    }

    void ensureExists() throws IOException {
        RUNS.ensureExists(client, alias);
    }

    /** Saves a run; {@code visible} waits until searches (the latest run) see it. */
    void save(ReindexRun run, boolean visible) throws IOException {
        client.index(i -> i.index(alias).id(run.id()).document(run).refresh(visible ? Refresh.WaitFor
                : Refresh.False));
    }

    Optional<ReindexRun> find(String id) throws IOException {
        GetResponse<ReindexRun> response = client.get(g -> g.index(alias).id(id), ReindexRun.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The run started last, read by id afterwards so that its progress is the latest written. */
    Optional<ReindexRun> latest() throws IOException {
        try {
            var hits = client.search(s -> s.index(alias).size(1)
                            .query(q -> q.term(t -> t.field("kind").value(ReindexRun.KIND)))
                            .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc)))
                            .source(c -> c.fetch(false)),
                    Void.class).hits().hits();
            return hits.isEmpty() ? Optional.empty() : find(hits.getFirst().id());
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Takes the lock for {@code run}, or takes it over when its holder's heartbeat is older than
     * {@code staleBefore}; null when a live run holds it. The takeover is a conditional write, so of two instances
     * taking over at once only one succeeds. {@code takenOver} receives the run id of a stale holder.
     */
    @Nullable Held tryLock(String run, String owner, Instant staleBefore, java.util.function.Consumer<String> takenOver)
            throws IOException {
        ReindexLock lock = new ReindexLock(ReindexLock.KIND, run, owner, Instant.now());
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                var created = client.create(c -> c.index(alias).id(LOCK).document(lock));
                return new Held(run, created.seqNo(), created.primaryTerm());
            } catch (ElasticsearchException e) {
                if (e.status() != 409) {
                    throw e;
                }
            }
            GetResponse<ReindexLock> held = client.get(g -> g.index(alias).id(LOCK), ReindexLock.class);
            if (!held.found() || held.source() == null) {
                continue; // released meanwhile
            }
            if (held.source().heartbeatAt().isAfter(staleBefore)) {
                return null;
            }
            try {
                var replaced = client.index(i -> i.index(alias).id(LOCK).document(lock)
                        .ifSeqNo(held.seqNo()).ifPrimaryTerm(held.primaryTerm()));
                takenOver.accept(held.source().run());
                return new Held(run, replaced.seqNo(), replaced.primaryTerm());
            } catch (ElasticsearchException e) {
                if (e.status() != 409) {
                    throw e;
                }
                return null; // another instance took it over first
            }
        }
        return null;
    }

    /** Renews the lock's heartbeat; {@link LostLockException} when another instance took it over. */
    Held beat(Held held, String owner) throws IOException {
        ReindexLock lock = new ReindexLock(ReindexLock.KIND, held.run(), owner, Instant.now());
        try {
            var written = client.index(i -> i.index(alias).id(LOCK).document(lock)
                    .ifSeqNo(held.seqNo()).ifPrimaryTerm(held.primaryTerm()));
            return new Held(held.run(), written.seqNo(), written.primaryTerm());
        } catch (ElasticsearchException e) {
            if (e.status() == 409 || e.status() == 404) {
                throw new LostLockException("Another server instance took over the re-index lock of " + alias
                        + " (this one was presumed dead)");
            }
            throw e;
        }
    }

    /** Releases the lock if this instance still holds it. */
    void release(Held held) throws IOException {
        try {
            client.delete(d -> d.index(alias).id(LOCK).ifSeqNo(held.seqNo()).ifPrimaryTerm(held.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
        }
    }

    Optional<ReindexLock> lock() throws IOException {
        GetResponse<ReindexLock> held = client.get(g -> g.index(alias).id(LOCK), ReindexLock.class);
        return held.found() ? Optional.ofNullable(held.source()) : Optional.empty();
    }
}
