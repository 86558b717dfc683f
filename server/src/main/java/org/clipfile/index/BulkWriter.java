package org.clipfile.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes articles with {@code _bulk}, one request at a time, and accounts for every single item. Items refused for
 * load (429, 503) are retried with backoff; an unreachable cluster is waited for up to {@code maxOutage}, retrying
 * the same batch (ids are deterministic, so a batch that had landed before the connection broke is written again
 * without duplicates). Any other item error is that document's failure.
 *
 * <p>Documents are serialized as they are added, by the caller, while the previous batch is being written: one
 * request is in flight at a time, sent by a short-lived virtual thread, so building the next batch overlaps
 * Elasticsearch's work on the last one and the order of batches is kept. {@link #flush()} returns once everything
 * added has been written.
 *
 * <p>Why not the client's {@code BulkIngester}: it reports a failed request to a listener but does not resend it;
 * one writer with one request in flight, fed by a bounded queue, gives the same backpressure with simpler retry
 * semantics.
 *
 * <p>Made by {@link ArticleIndex#writer}: the article index's gateway owns every write to it.
 */
public final class BulkWriter {
    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The longest a document waits in a partly filled batch while more are coming. */
    public static final Duration MAX_BATCH_AGE = Duration.ofSeconds(5);

    public interface Outcome {
        /** Indexed; {@code created} is false when it replaced an article with the same id. */
        void indexed(String document, boolean created);

        void failed(String document, String reason);

        /** Documents sent again because Elasticsearch was busy or unreachable. */
        default void retried(int documents) {}

        /**
         * Not written: a document added {@linkplain #addIfUnchanged if unchanged} was written by someone else since
         * it was read (Elasticsearch answered 409).
         */
        default void superseded(String document) {}
    }

    /** The sequence number and primary term a document had when it was read. */
    public record Expected(long seqNo, long primaryTerm) {}

    /**
     * A document to write; {@code original} is the article as added, before its batch's check changed it, checked
     * again when a conditional write finds the stored article changed.
     */
    record Pending(String document, String id, Article article, BinaryData json, @Nullable Expected expected,
            Article original) {}

    /** How many times a batch's articles are checked again after their stored copy changed under the write. */
    public static final int MOST_RECHECKS = 5;

    /**
     * Looks at a whole batch just before it is written (takedowns, copies): returns each article to write, possibly
     * with another cluster, or the reason it is refused. Runs on the sending thread, one batch at a time and in order, so a batch
     * sees everything the batches before it wrote.
     */
    public interface BatchCheck {
        List<Checked> check(List<Article> batch) throws IOException;
    }

    /**
     * The article to write (null when refused) or why it is refused; {@code expected}: write it only if the stored
     * article is still at that version (else it is checked again).
     */
    public record Checked(@Nullable Article article, @Nullable String refusal, @Nullable Expected expected) {
        public Checked(@Nullable Article article, @Nullable String refusal) {
            this(article, refusal, null);
        }
    }

    /** Elasticsearch stayed unreachable longer than the import may wait; the batch was not written. */
    public static final class OutageException extends Exception {
        OutageException(String message, Throwable cause) {
            super(message, cause);
        }

        OutageException(String message) {
            super(message);
        }
    }

    private final ElasticsearchClient client;
    private final String index;
    private final int maxOperations;
    private final long maxBytes;
    private final Duration maxOutage;
    private final Outcome outcome;
    private final JsonpMapper mapper;
    private final List<Pending> batch = new ArrayList<>();
    private long batchBytes;
    private long batchStarted;
    private @Nullable Thread inFlight;
    private volatile @Nullable OutageException outage;
    private @Nullable BatchCheck check;

    BulkWriter(ElasticsearchClient client, String index, int maxOperations, long maxBytes, Duration maxOutage,
            Outcome outcome) {
        this.client = client;
        this.index = index;
        this.maxOperations = maxOperations;
        this.maxBytes = maxBytes;
        this.maxOutage = maxOutage;
        this.outcome = outcome;
        this.mapper = client._jsonpMapper();
    }

    /** Checks every batch before writing it. */
    public BulkWriter checking(BatchCheck batchCheck) {
        this.check = batchCheck;
        return this;
    }

    public void add(String document, Article article) throws OutageException, InterruptedException {
        add(document, article, null);
    }

    /**
     * Writes the article only if its stored document is still the one read at {@code expected}: a rewrite in
     * place that must not overwrite a newer version written meanwhile (reported {@link Outcome#superseded}).
     */
    public void addIfUnchanged(String document, Article article, Expected expected)
            throws OutageException, InterruptedException {
        add(document, article, expected);
    }

    private void add(String document, Article article, @Nullable Expected expected)
            throws OutageException, InterruptedException {
        BinaryData json = BinaryData.of(ArticleDocument.of(article), mapper);
        long bytes = json.size() + article.id().length() + 32;
        if (!batch.isEmpty() && batchBytes + bytes > maxBytes) {
            dispatch();
        }
        if (batch.isEmpty()) {
            batchStarted = System.nanoTime();
        }
        batch.add(new Pending(document, article.id(), article, json, expected, article));
        batchBytes += bytes;
        if (batch.size() >= maxOperations) {
            dispatch();
        } else {
            flushIfOld();
        }
    }

    /**
     * Sends the batch when its first document has waited {@link #MAX_BATCH_AGE}: a slow import still writes every
     * few seconds, so its articles become searchable and a re-index's catch-up finds them (see {@code Reindexer}).
     */
    public void flushIfOld() throws OutageException, InterruptedException {
        if (!batch.isEmpty() && System.nanoTime() - batchStarted > MAX_BATCH_AGE.toNanos()) {
            dispatch();
        }
    }

    /** Writes everything added so far and returns when it is written (or has failed, item by item). */
    public void flush() throws OutageException, InterruptedException {
        dispatch();
        awaitInFlight();
    }

    /** Sends the batch in the background once the previous one is written. */
    private void dispatch() throws OutageException, InterruptedException {
        awaitInFlight();
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> pending = new ArrayList<>(batch);
        batch.clear();
        batchBytes = 0;
        inFlight = Thread.ofVirtual().name("bulk-" + index).start(() -> {
            try {
                write(check == null ? pending : checked(pending));
            } catch (OutageException e) {
                outage = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Bulk write to {} failed", index, e);
                String reason = "The document could not be written (internal error: " + e.getClass().getSimpleName()
                        + "); the server log has details";
                pending.forEach(p -> outcome.failed(p.document(), reason));
            }
        });
    }

    private void awaitInFlight() throws OutageException, InterruptedException {
        Thread sending = inFlight;
        if (sending != null) {
            try {
                sending.join();
            } catch (InterruptedException e) {
                sending.interrupt();
                throw e;
            }
            inFlight = null;
        }
        OutageException failure = outage;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The batch after its check: refused documents are reported failed and left out, changed articles serialized
     * again. An unreachable cluster is waited for as a write would.
     */
    private List<Pending> checked(List<Pending> batch) throws OutageException, InterruptedException {
        BatchCheck batchCheck = check;
        List<Article> articles = batch.stream().map(Pending::article).toList();
        Duration backoff = Duration.ofMillis(200);
        long outageStarted = -1;
        List<Checked> results;
        while (true) {
            try {
                results = batchCheck.check(articles);
                break;
            } catch (IOException e) {
                if (outageStarted < 0) {
                    outageStarted = System.nanoTime();
                    log.warn("Elasticsearch unreachable while checking a batch ({}); waiting up to {}", e.toString(),
                            maxOutage);
                }
                if (System.nanoTime() - outageStarted > maxOutage.toNanos()) {
                    throw new OutageException("Elasticsearch was unreachable for more than " + maxOutage, e);
                }
                Thread.sleep(backoff);
                backoff = next(backoff);
            }
        }
        List<Pending> accepted = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Checked result = results.get(i);
            if (result.article() == null) {
                outcome.failed(p.document(), result.refusal() == null ? "Refused" : result.refusal());
            } else {
                Expected expected = result.expected() != null ? result.expected() : p.expected();
                boolean same = result.article() == p.article()
                        || result.article().cluster().equals(p.article().cluster())
                        && result.article().labels().equals(p.article().labels());
                accepted.add(new Pending(p.document(), p.id(), result.article(),
                        same ? p.json() : BinaryData.of(ArticleDocument.of(result.article()), mapper), expected,
                        p.original()));
            }
        }
        return accepted;
    }

    private void write(List<Pending> batch) throws OutageException, InterruptedException {
        List<Pending> pending = batch;
        Duration backoff = Duration.ofMillis(200);
        long outageStarted = -1;
        // Elasticsearch also answers 429 when its disk is full, which does not pass: a batch that makes no progress
        // for maxOutage ends the import (resumably) rather than hold the import thread forever.
        long stalledSince = -1;
        int rechecks = 0;
        while (!pending.isEmpty()) {
            BulkResponse response;
            try {
                response = send(pending);
                outageStarted = -1;
            } catch (ElasticsearchException e) {
                if (e.status() == 429 || e.status() == 503) {
                    stalledSince = checkStalled(stalledSince, e.status());
                    log.info("Elasticsearch is busy ({}); retrying {} documents in {} ms", e.status(),
                            pending.size(), backoff.toMillis());
                    outcome.retried(pending.size());
                    Thread.sleep(backoff);
                    backoff = next(backoff);
                    continue;
                }
                String reason = "Elasticsearch refused the batch: " + e.getMessage();
                pending.forEach(p -> outcome.failed(p.document(), reason));
                return;
            } catch (IOException e) {
                if (outageStarted < 0) {
                    outageStarted = System.nanoTime();
                    log.warn("Elasticsearch unreachable during import ({}); waiting up to {}", e.toString(),
                            maxOutage);
                }
                if (System.nanoTime() - outageStarted > maxOutage.toNanos()) {
                    throw new OutageException("Elasticsearch was unreachable for more than " + maxOutage, e);
                }
                outcome.retried(pending.size());
                Thread.sleep(backoff);
                backoff = next(backoff);
                continue;
            }
            List<Pending> retry = new ArrayList<>();
            List<Pending> changed = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                Pending p = pending.get(i);
                if (item.error() == null) {
                    outcome.indexed(p.document(), item.result() == null || "created".equals(item.result()));
                } else if (item.status() == 429 || item.status() == 503) {
                    retry.add(p);
                } else if (item.status() == 409 && p.expected() != null && check != null
                        && rechecks < MOST_RECHECKS) {
                    changed.add(p);
                } else if (item.status() == 409 && p.expected() != null && check != null) {
                    outcome.failed(p.document(), "The stored article changed " + MOST_RECHECKS + " times while "
                            + "it was being written; import it again");
                } else if (item.status() == 409 && p.expected() != null) {
                    outcome.superseded(p.document());
                } else {
                    outcome.failed(p.document(), "Elasticsearch refused the document: " + item.error().type()
                            + ": " + item.error().reason());
                }
            }
            if (!retry.isEmpty()) {
                stalledSince = retry.size() < pending.size() ? -1 : checkStalled(stalledSince,
                        items.get(pending.indexOf(retry.getFirst())).status());
            }
            if (!changed.isEmpty()) {
                // An editor's label (or another writer) changed the stored article since the check read it: check
                // those articles again, from the article as added, and write them at the new version.
                rechecks++;
                retry.addAll(checked(changed.stream().map(c -> new Pending(c.document(), c.id(), c.original(),
                        BinaryData.of(ArticleDocument.of(c.original()), mapper), null, c.original())).toList()));
            }
            pending = retry;
            if (!retry.isEmpty()) {
                outcome.retried(retry.size());
                Thread.sleep(backoff);
                backoff = next(backoff);
            }
        }
    }

    /** When the batch first stalled; throws once it has stalled longer than {@code maxOutage}. */
    private long checkStalled(long stalledSince, int status) throws OutageException {
        long now = System.nanoTime();
        if (stalledSince < 0) {
            return now;
        }
        if (now - stalledSince > maxOutage.toNanos()) {
            throw new OutageException("Elasticsearch refused every write (" + status + ") for more than "
                    + maxOutage + "; a full disk answers so too");
        }
        return stalledSince;
    }

    /** Writes what is left and makes everything written visible to search. */
    public void finish() throws OutageException, InterruptedException {
        flush();
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not refresh {} after an import: {}", index, e.toString());
        }
    }

    private BulkResponse send(List<Pending> pending) throws IOException {
        return client.bulk(b -> {
            b.index(index);
            for (Pending p : pending) {
                Expected expected = p.expected();
                b.operations(op -> op.index(i -> {
                    i.id(p.id()).document(p.json());
                    if (expected != null) {
                        i.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
                    }
                    return i;
                }));
            }
            return b;
        });
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
}
