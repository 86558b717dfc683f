package org.clipfile.imports;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.clipfile.article.Article;
import org.clipfile.index.BulkWriter;
import org.clipfile.ingest.DocumentSink;
import org.clipfile.ingest.ImportSource;
import org.clipfile.ingest.IngestService;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.RawDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import: a reader thread opens the source into raw documents, parser threads turn them into articles,
 * and one writer bulk-indexes them. Bounded queues between the stages keep memory flat and slow the reader down
 * when Elasticsearch is the bottleneck. Progress is reported every second to {@code live} (what this instance
 * answers about its own jobs), and written with the failures to the job store every {@code storeEvery} (a few
 * seconds: each write makes the job index refresh, measured at 89 refreshes in one import of Reuters-21578 when it
 * was every second; the store's heartbeat must stay well within {@code clipfile.imports.abandoned-after}).
 */
final class ImportRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private record Parsed(String document, Article article) {}

    private static final RawDocument END_OF_INPUT = new RawDocument("", null, new byte[0], null);
    private static final Parsed END_OF_PARSING = new Parsed("", null);

    private final ImportJobStore store;
    private final IngestService ingest;
    private final ArticleSink articles;
    private final int parseThreads;
    private final java.util.function.Consumer<ImportJob> live;
    private final Duration storeEvery;
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final List<ImportFailure> unsavedFailures = new ArrayList<>();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();

    /** Where parsed articles go: the bulk writer in production. */
    interface ArticleSink {
        BulkWriter open(BulkWriter.Outcome outcome);
    }

    ImportRunner(ImportJobStore store, IngestService ingest, ArticleSink articles, int parseThreads) {
        this(store, ingest, articles, parseThreads, job -> {}, HEARTBEAT);
    }

    ImportRunner(ImportJobStore store, IngestService ingest, ArticleSink articles, int parseThreads,
            java.util.function.Consumer<ImportJob> live, Duration storeEvery) {
        this.store = store;
        this.ingest = ingest;
        this.articles = articles;
        this.parseThreads = parseThreads;
        this.live = live;
        this.storeEvery = storeEvery.compareTo(HEARTBEAT) < 0 ? HEARTBEAT : storeEvery;
    }

    /** How often a job's progress is stored: a third of the time after which it counts as abandoned, 1 to 5 s. */
    static Duration storeEvery(Duration abandonedAfter) {
        return Duration.ofMillis(Math.clamp(abandonedAfter.toMillis() / 3, HEARTBEAT.toMillis(), 5_000));
    }

    ImportJob run(ImportJob job, ImportSource source) throws InterruptedException {
        BlockingQueue<RawDocument> raw = new ArrayBlockingQueue<>(Math.max(16, parseThreads * 8));
        BlockingQueue<Parsed> parsed = new ArrayBlockingQueue<>(1000);
        String jobId = job.id();
        BulkWriter.Outcome outcome = new BulkWriter.Outcome() {
            @Override
            public void indexed(String document, boolean created) {
                indexed.incrementAndGet();
                if (!created) {
                    replaced.incrementAndGet();
                }
            }

            @Override
            public void failed(String document, String reason) {
                recordFailure(jobId, document, reason);
            }
        };

        Thread reader = Thread.ofPlatform().name("import-" + jobId + "-reader").start(() -> {
            try {
                source.read(new DocumentSink() {
                    @Override
                    public void document(RawDocument document) throws InterruptedException {
                        raw.put(document);
                    }

                    @Override
                    public void failure(String name, String reason) {
                        recordFailure(jobId, name, reason);
                    }
                });
            } catch (IOException e) {
                fatal.compareAndSet(null, new IOException("Could not read " + job.sourceName() + ": "
                        + e.getMessage(), e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Reader failure in import {}", jobId, e);
                fatal.compareAndSet(null, new IOException("Could not read " + job.sourceName() + " (internal error: "
                        + e.getClass().getSimpleName() + ")", e));
            } finally {
                endParsers(raw);
            }
        });

        List<Thread> parsers = new ArrayList<>();
        for (int i = 0; i < parseThreads; i++) {
            parsers.add(Thread.ofPlatform().name("import-" + jobId + "-parser-" + i).start(() -> {
                try {
                    for (RawDocument document = raw.take(); document != END_OF_INPUT; document = raw.take()) {
                        try {
                            Article article = ingest.prepare(document);
                            parsed.put(new Parsed(document.name(), article));
                        } catch (InvalidArticleException e) {
                            recordFailure(jobId, document.name(), e.getMessage());
                        } catch (RuntimeException e) {
                            log.error("Parser failure on {} in import {}", document.name(), jobId, e);
                            recordFailure(jobId, document.name(), "The document could not be parsed (internal "
                                    + "error: " + e.getClass().getSimpleName() + "); the server log has details");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread endOfParsing = Thread.ofVirtual().start(() -> {
            try {
                for (Thread t : parsers) {
                    t.join();
                }
                parsed.put(END_OF_PARSING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        Progress progress = new Progress();
        Thread writer = Thread.ofPlatform().name("import-" + jobId + "-writer").start(() -> {
            try {
                BulkWriter bulk = articles.open(outcome);
                while (true) {
                    Parsed p = parsed.poll(1, TimeUnit.SECONDS);
                    if (p == null) {
                        bulk.flushIfOld();
                        continue;
                    }
                    if (p == END_OF_PARSING) {
                        break;
                    }
                    bulk.add(p.document(), p.article());
                }
                bulk.finish();
            } catch (BulkWriter.OutageException e) {
                fatal.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // Without this the parsers would block on a full queue nobody drains, and the job would never end.
                log.error("Writer failure in import {}", jobId, e);
                fatal.compareAndSet(null, new IOException("The articles could not be written (internal error: "
                        + e.getClass().getSimpleName() + "); the server log has details", e));
            }
        });

        List<Thread> stages = new ArrayList<>(parsers);
        stages.add(reader);
        stages.add(writer);
        stages.add(endOfParsing);
        ImportJob current = job;
        try {
            while (writer.isAlive()) {
                writer.join(HEARTBEAT.toMillis());
                if (fatal.get() != null) {
                    stages.forEach(Thread::interrupt);
                }
                current = progress.report(current, false);
            }
            if (fatal.get() != null) {
                stages.forEach(Thread::interrupt);
            }
            reader.join();
            endOfParsing.join();
        } catch (InterruptedException e) {
            // The server is stopping: stop every stage; the job stays "running" and another start resumes it.
            stages.forEach(Thread::interrupt);
            throw e;
        }
        current = progress.report(current, true);
        Throwable failure = fatal.get();
        if (failure != null) {
            log.warn("Import {} stopped: {}", jobId, failure.getMessage());
            return save(current.finished(ImportJob.Status.failed, failure.getMessage()
                    + ". Re-run the import: documents already indexed are not duplicated."));
        }
        log.info("Import {} of {} finished: {} indexed, {} failed", jobId, job.sourceName(), indexed.get(),
                failed.get());
        return save(current.finished(ImportJob.Status.completed, null));
    }

    /** One end marker per parser; blocking, because a full queue must not swallow them. */
    private void endParsers(BlockingQueue<RawDocument> raw) {
        try {
            for (int i = 0; i < parseThreads; i++) {
                raw.put(END_OF_INPUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordFailure(String jobId, String document, String reason) {
        failed.incrementAndGet();
        synchronized (unsavedFailures) {
            unsavedFailures.add(new ImportFailure(jobId, document, reason, Instant.now()));
        }
    }

    /**
     * Stores the job and its failures, then shows it as this instance's live state: a job reported ended must find its
     * failures stored and listed.
     */
    private ImportJob save(ImportJob job) {
        try {
            boolean last = job.status() != ImportJob.Status.running;
            flushFailures(last);
            store.save(job, last);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not record the state of import {}: {}", job.id(), e.toString());
        }
        live.accept(job);
        return job;
    }

    private void flushFailures(boolean visible) throws IOException {
        List<ImportFailure> batch;
        synchronized (unsavedFailures) {
            batch = new ArrayList<>(unsavedFailures);
            unsavedFailures.clear();
        }
        try {
            store.saveFailures(batch, visible);
        } catch (IOException | RuntimeException e) {
            synchronized (unsavedFailures) {
                unsavedFailures.addAll(0, batch);
            }
            throw e;
        }
    }

    /** Rate over the last seconds and the ETA it implies. */
    private final class Progress {
        private final long startNanos = System.nanoTime();
        private long lastNanos = startNanos;
        private long storedNanos = startNanos;
        private long lastProcessed;
        private double rate;

        ImportJob report(ImportJob job, boolean last) {
            long processed = indexed.get() + failed.get();
            long now = System.nanoTime();
            double seconds = (now - lastNanos) / 1e9;
            if (seconds >= 0.5) {
                double instant = (processed - lastProcessed) / seconds;
                rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
                lastNanos = now;
                lastProcessed = processed;
            }
            Long eta = rate > 0 && job.totalEstimate() > processed
                    ? Math.round((job.totalEstimate() - processed) / rate)
                    : null;
            ImportJob next = job.progress(indexed.get(), replaced.get(), failed.get(), Math.round(rate * 10) / 10.0, eta);
            if (last) {
                return next;
            }
            if (now - storedNanos < storeEvery.toNanos()) {
                live.accept(next);
                return next;
            }
            storedNanos = now;
            return save(next);
        }
    }
}
