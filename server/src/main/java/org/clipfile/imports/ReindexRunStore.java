package org.clipfile.imports;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndex.Version;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Re-index runs and the lock that keeps them one at a time, in {@code <alias>-reindex-runs}: every server
 * instance reports the same runs, and a second re-index is refused whichever instance it is asked of.
 */
@Component
class ReindexRunStore {
    static final String LOCK = "lock";

    /** The lock as this instance holds it: the sequence number and primary term of its last write. */
    record Held(String run, long seqNo, long primaryTerm) {}

    /** Thrown when the lock was taken over: this instance was presumed dead. */
    static class LostLockException extends IOException {
        LostLockException(String message) {
            super(message);
        }
    }

    // One index, two kinds of document: the runs, and the lock under the id "lock".
    private final SystemIndex<ReindexRun> runs;
    private final SystemIndex<ReindexLock> locks;

    ReindexRunStore(SystemIndices indices) {
        this.runs = indices.define("reindex-runs", "reindex-runs.json", ReindexRun.class);
        this.locks = indices.define("reindex-runs", "reindex-runs.json", ReindexLock.class);
    }

    String alias() {
        return runs.alias();
    }

    void ensureExists() throws IOException {
        runs.ensureExists();
    }

    /** Saves a run; {@code visible} waits until searches (the latest run) see it. */
    void save(ReindexRun run, boolean visible) throws IOException {
        runs.index(run.id(), run, visible ? Refresh.WaitFor : Refresh.False);
    }

    Optional<ReindexRun> find(String id) throws IOException {
        return runs.get(id);
    }

    /** The run started last, read by id afterwards so that its progress is the latest written. */
    Optional<ReindexRun> latest() throws IOException {
        try {
            var hits = runs.search(s -> s.size(1)
                            .query(q -> q.term(t -> t.field("kind").value(ReindexRun.KIND)))
                            .sort(o -> o.field(f -> f.field("started_at").order(SortOrder.Desc)))
                            .source(c -> c.fetch(false)),
                    Void.class).hits().hits();
            return hits.isEmpty() ? Optional.empty() : find(hits.getFirst().id());
        } catch (ElasticsearchException e) {
            if (SystemIndex.isMissingIndex(e)) {
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
            Optional<Version> created = locks.create(LOCK, lock, Refresh.False);
            if (created.isPresent()) {
                return new Held(run, created.get().seqNo(), created.get().primaryTerm());
            }
            var held = locks.getVersioned(LOCK);
            if (held.isEmpty()) {
                continue; // released meanwhile
            }
            if (held.get().document().heartbeatAt().isAfter(staleBefore)) {
                return null;
            }
            Optional<Version> replaced = locks.indexIfUnchanged(LOCK, lock, held.get().version(), Refresh.False);
            if (replaced.isEmpty()) {
                return null; // another instance took it over first
            }
            takenOver.accept(held.get().document().run());
            return new Held(run, replaced.get().seqNo(), replaced.get().primaryTerm());
        }
        return null;
    }

    /** Renews the lock's heartbeat; {@link LostLockException} when another instance took it over. */
    Held beat(Held held, String owner) throws IOException {
        ReindexLock lock = new ReindexLock(ReindexLock.KIND, held.run(), owner, Instant.now());
        Optional<Version> written;
        try {
            written = locks.indexIfUnchanged(LOCK, lock, new Version(held.seqNo(), held.primaryTerm()),
                    Refresh.False);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
            written = Optional.empty();
        }
        if (written.isEmpty()) {
            throw new LostLockException("Another server instance took over the re-index lock of " + alias()
                    + " (this one was presumed dead)");
        }
        return new Held(held.run(), written.get().seqNo(), written.get().primaryTerm());
    }

    /** Releases the lock if this instance still holds it. */
    void release(Held held) throws IOException {
        locks.deleteIfUnchanged(LOCK, new Version(held.seqNo(), held.primaryTerm()));
    }

    Optional<ReindexLock> lock() throws IOException {
        return locks.get(LOCK);
    }
}
