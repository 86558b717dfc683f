package org.clipfile.sysindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clipfile.index.DeleteWhere;
import org.clipfile.index.IndexDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One system index of documents of type {@code T}, reached through its alias. Made by {@link SystemIndices}; knows
 * nothing of what its documents mean. Every write names its refresh policy, because the stores differ: a write that
 * a list must show at once waits for a refresh ({@link Refresh#WaitFor}), progress read back by id does not
 * ({@link Refresh#False}).
 *
 * <p>Failures are the client's: {@link ElasticsearchException} when Elasticsearch refused the request (a missing
 * index included: see {@link #isMissingIndex}), an {@link IOException} when it could not be reached. The only ones
 * turned into answers are those every caller treats alike: a document that exists already ({@link #create}), one
 * changed since it was read ({@link #indexIfUnchanged}, {@link #deleteIfUnchanged}) and one that is not there
 * ({@link #delete}).
 */
public final class SystemIndex<T> {
    /**
     * Partial updates retried on a version conflict: two writers of different fields of one document (an owner
     * looking, a webhook delivery reporting) both land.
     */
    public static final int RETRIES_ON_CONFLICT = 5;

    /** The sequence number and primary term of a write or read, which a conditional write must match. */
    public record Version(long seqNo, long primaryTerm) {}

    /** A document with the version it was read at. */
    public record Versioned<T>(T document, Version version) {}

    private final ElasticsearchClient client;
    private final String alias;
    private final IndexDefinition definition;
    private final Class<T> type;
    private volatile boolean ensured;

    SystemIndex(ElasticsearchClient client, String alias, IndexDefinition definition, Class<T> type) {
        this.client = client;
        this.alias = alias;
        this.definition = definition;
        this.type = type;
    }

    /** The alias every read and write goes through. */
    public String alias() {
        return alias;
    }

    /**
     * Creates {@code <alias>-v<version>} from the mapping file with the alias on it, or, when the alias exists, puts
     * added fields onto the index behind it; waits until its primary answers. Asks Elasticsearch every time; safe
     * when several server instances start at once (one creates, the others find it).
     */
    public void ensureExists() throws IOException {
        definition.ensureExists(client, alias);
        ensured = true;
    }

    /**
     * {@link #ensureExists()} unless this instance already made sure of the index: for a check before every write
     * (a document must never land in an index that Elasticsearch made up with a guessed mapping).
     */
    public void ensureExistsOnce() throws IOException {
        if (!ensured) {
            ensureExists();
        }
    }

    /** The document with this id; empty when there is none. */
    public Optional<T> get(String id) throws IOException {
        GetResponse<T> response = client.get(g -> g.index(alias).id(id), type);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The document with this id and the version it was read at, for a conditional write; empty when there is none. */
    public Optional<Versioned<T>> getVersioned(String id) throws IOException {
        GetResponse<T> response = client.get(g -> g.index(alias).id(id), type);
        if (!response.found() || response.source() == null || response.seqNo() == null
                || response.primaryTerm() == null) {
            return Optional.empty();
        }
        return Optional.of(new Versioned<>(response.source(), new Version(response.seqNo(), response.primaryTerm())));
    }

    /** Writes the document under this id, replacing any there. */
    public Version index(String id, T document, Refresh refresh) throws IOException {
        var response = client.index(i -> i.index(alias).id(id).document(document).refresh(refresh));
        return new Version(response.seqNo(), response.primaryTerm());
    }

    /** Writes the document unless one with this id exists: empty then (of two writers racing, one gets it). */
    public Optional<Version> create(String id, T document, Refresh refresh) throws IOException {
        try {
            var response = client.create(c -> c.index(alias).id(id).document(document).refresh(refresh));
            return Optional.of(new Version(response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Writes the document only if it is still at {@code expected}; empty when somebody changed it meanwhile. */
    public Optional<Version> indexIfUnchanged(String id, T document, Version expected, Refresh refresh)
            throws IOException {
        try {
            var response = client.index(i -> i.index(alias).id(id).document(document).ifSeqNo(expected.seqNo())
                    .ifPrimaryTerm(expected.primaryTerm()).refresh(refresh));
            return Optional.of(new Version(response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Merges these fields into the document, retried {@value #RETRIES_ON_CONFLICT} times when another writer changed
     * it meanwhile. A missing document is Elasticsearch's 404, thrown.
     */
    public void update(String id, Object fields, Refresh refresh) throws IOException {
        client.update(u -> u.index(alias).id(id).doc(fields).retryOnConflict(RETRIES_ON_CONFLICT).refresh(refresh),
                Object.class);
    }

    /** Deletes the document; false when there was none (or no index yet). */
    public boolean delete(String id, Refresh refresh) throws IOException {
        try {
            return client.delete(d -> d.index(alias).id(id).refresh(refresh)).result() == Result.Deleted;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes the document only if it is still at {@code expected}; false when it changed or is gone. */
    public boolean deleteIfUnchanged(String id, Version expected) throws IOException {
        try {
            return client.delete(d -> d.index(alias).id(id).ifSeqNo(expected.seqNo())
                    .ifPrimaryTerm(expected.primaryTerm())).result() == Result.Deleted;
        } catch (ElasticsearchException e) {
            if (e.status() == 409 || e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A search of this index: {@code request} sets everything but the index. */
    public <R> SearchResponse<R> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request,
            Class<R> resultType) throws IOException {
        return client.search(s -> request.apply(s.index(alias)), resultType);
    }

    /** The documents a search of this index finds, in its order. */
    public List<@Nullable T> find(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request)
            throws IOException {
        return search(request, type).hits().hits().stream().map(Hit::source).toList();
    }

    /** How many documents match. */
    public long count(Function<Query.Builder, ObjectBuilder<Query>> query) throws IOException {
        return client.count(c -> c.index(alias).query(query)).count();
    }

    /**
     * Sends operations on this index in one bulk request; the caller checks every item of the answer, because what
     * a failed item means differs (try again, give up, a conflict to count).
     */
    public BulkResponse bulk(Refresh refresh, Function<BulkRequest.Builder, ObjectBuilder<BulkRequest>> operations)
            throws IOException {
        return client.bulk(b -> operations.apply(b.index(alias).refresh(refresh)));
    }

    /** Deletes every document matching {@code query} (none when the index does not exist); the number deleted. */
    public long deleteWhere(Query query) throws IOException {
        return DeleteWhere.run(client, alias, query);
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    /** A read of a system index. */
    @FunctionalInterface
    public interface Read<R> {
        R read() throws IOException;
    }

    /**
     * What {@code read} answers, or {@code absent} when the index does not exist (yet): for the stores whose reads
     * may come before anything created it (a login before the first user was made).
     */
    public static <R> R unlessMissing(Read<R> read, R absent) throws IOException {
        try {
            return read.read();
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                return absent;
            }
            throw e;
        }
    }

    /** Whether Elasticsearch refused a request because the index does not exist (yet). */
    public static boolean isMissingIndex(ElasticsearchException e) {
        return e.error() != null && "index_not_found_exception".equals(e.error().type());
    }
}
