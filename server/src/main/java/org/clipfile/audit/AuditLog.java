package org.clipfile.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records audit events without slowing the calls they describe: {@link #record} puts the event in a bounded queue
 * and returns; one writer thread sends the queue to Elasticsearch in bulk requests, at least every
 * {@code flush-interval}.
 *
 * <p>When the queue is full (Elasticsearch down or far behind for a long time), reads (searches, views, exports)
 * are not held up: their events are dropped and counted, and the count is itself written to the audit as an
 * {@code audit.dropped} event as soon as there is room, so the gap is on record rather than silent. Changes and
 * logins are rarer and already slower, so they wait up to {@code change-wait} for room before they are dropped
 * and counted the same way. Blocking searches instead would turn an audit backlog into an outage of the archive.
 * While Elasticsearch is unreachable the writer keeps its batch and retries with backoff.
 */
@Component
public class AuditLog implements SmartLifecycle {
    /** The user and authentication of {@link #system} events. */
    public static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 1000;

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration RETENTION_CHECK = Duration.ofHours(1);

    private final AuditStore store;
    private final AuditSpool spool;
    private final AuditProperties properties;
    private final BlockingQueue<AuditEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceStart = new AtomicLong();
    /** Events Elasticsearch refused for good (not 429/503), to be recorded as {@code audit.dropped}. */
    private final AtomicLong refused = new AtomicLong();
    private final String instance;
    private volatile boolean running;
    private volatile boolean storeReady;
    private Thread writer;
    private Instant nextRetentionCheck = Instant.EPOCH;

    AuditLog(AuditStore store, AuditProperties properties) {
        this.store = store;
        this.spool = new AuditSpool(properties.spoolDir().toAbsolutePath(), properties.spoolMaxSize().toBytes());
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.instance = instanceName();
    }

    /** Queues an event; never blocks a read, and a change at most {@code change-wait}. */
    public void record(AuditEvent event) {
        boolean queued;
        if (event.isChange()) {
            try {
                queued = queue.offer(event, properties.changeWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued = false;
            }
        } else {
            queued = queue.offer(event);
        }
        if (!queued) {
            long count = dropped.incrementAndGet();
            droppedSinceStart.incrementAndGet();
            if (count == 1 || count % 1000 == 0) {
                log.error("The audit queue is full ({} events): {} event(s) dropped so far; the count will be "
                        + "recorded in the audit", properties.queueCapacity(), count);
            }
        }
    }

    /**
     * Records work the server did on its own, not for a caller: a webhook delivery, a run of the saved-search
     * matcher, a batch search in the background. The user and the authentication are {@code system}; {@code status}
     * says how it ended (200 done, 502 a remote end failed, 500 failed here). Never blocks: under a full queue the
     * event is dropped and counted like any read.
     */
    public void system(String action, @Nullable String target, int status, @Nullable Long count,
            @Nullable String detail) {
        record(new AuditEvent(Instant.now(), SYSTEM, null, SYSTEM, null, action, null, null, null, null, target,
                status, count, null, detail == null || detail.length() <= MAX_DETAIL ? detail
                        : detail.substring(0, MAX_DETAIL), null));
    }

    /** Events dropped because the queue was full and not yet reported in the audit. */
    long dropped() {
        return dropped.get();
    }

    /** Events dropped since this instance started (a monotonic count, for metrics). */
    long droppedSinceStart() {
        return droppedSinceStart.get();
    }

    /** Events waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** Called once the indices may be created (the archive index exists, so Elasticsearch answers). */
    void storeReady() {
        storeReady = true;
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase), so the last requests are still written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>();
        Duration backoff = Duration.ofMillis(500);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEvent first = queue.poll(properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        // Give a burst a moment to gather, within the flush interval.
                        long deadline = System.nanoTime() + properties.flushInterval().toNanos() / 4;
                        while (batch.size() < properties.batchSize() && System.nanoTime() < deadline) {
                            queue.drainTo(batch, properties.batchSize() - batch.size());
                            if (batch.size() < properties.batchSize()) {
                                Thread.sleep(5);
                            }
                        }
                    }
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        batch.add(droppedEvent(lost, "the audit queue was full"));
                    }
                    long refusedEvents = refused.getAndSet(0);
                    if (refusedEvents > 0) {
                        batch.add(droppedEvent(refusedEvents, "Elasticsearch refused them (see the server log)"));
                    }
                }
                if (!storeReady) {
                    if (!running) {
                        batch = spoolAll(batch);
                        log.warn("Audit events kept on disk: Elasticsearch was never ready");
                        return;
                    }
                    Thread.sleep(200);
                    continue;
                }
                if (spool.hasPending()) {
                    // Events wait on disk: new ones go behind them, in order, and memory stays flat.
                    dropped.addAndGet(spool.append(withInstance(batch)));
                    batch = new ArrayList<>();
                    AuditSpool.Batch pending = spool.next(properties.batchSize());
                    if (!pending.events().isEmpty()) {
                        AuditStore.Written written = store.write(pending.events());
                        refused.addAndGet(written.refused());
                        dropped.addAndGet(spool.append(written.retry()));
                    }
                    spool.sent(pending);
                    backoff = Duration.ofMillis(500);
                    continue;
                }
                if (!batch.isEmpty()) {
                    AuditStore.Written written = store.write(withInstance(batch));
                    refused.addAndGet(written.refused());
                    List<AuditEvent> retry = written.retry();
                    batch = new ArrayList<>(retry);
                    if (!retry.isEmpty()) {
                        Thread.sleep(backoff);
                        backoff = next(backoff);
                        continue;
                    }
                }
                backoff = Duration.ofMillis(500);
                retainIfDue();
            } catch (InterruptedException e) {
                if (running) {
                    Thread.currentThread().interrupt();
                    return;
                }
                // Stopping: loop once more to write what is left, without waiting.
            } catch (IOException | RuntimeException e) {
                // Elasticsearch cannot take them now: to disk, where a crash does not lose them.
                batch = spoolAll(batch);
                if (!running) {
                    log.warn("Audit events not written at shutdown ({}); kept in {} for the next start",
                            e.toString(), properties.spoolDir());
                    return;
                }
                log.warn("Cannot write {} audit event(s) ({}); retrying in {} ms", batch.size(), e.toString(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    // stopping: the loop condition decides
                }
                backoff = next(backoff);
            }
        }
    }

    /** Moves the batch and the queue to the spool; returns what could not be spooled (kept in memory). */
    private List<AuditEvent> spoolAll(List<AuditEvent> batch) {
        List<AuditEvent> events = new ArrayList<>(withInstance(batch));
        List<AuditEvent> queued = new ArrayList<>();
        queue.drainTo(queued);
        events.addAll(withInstance(queued));
        try {
            dropped.addAndGet(spool.append(events));
            return new ArrayList<>();
        } catch (IOException | RuntimeException e) {
            log.error("Cannot keep {} audit event(s) on disk in {}: {}", events.size(), properties.spoolDir(),
                    e.toString());
            return events;
        }
    }

    private List<AuditEvent> withInstance(List<AuditEvent> events) {
        return events.stream().map(e -> e.instance() == null ? e.withInstance(instance) : e).toList();
    }

    private void retainIfDue() throws IOException {
        Instant now = Instant.now();
        if (now.isAfter(nextRetentionCheck)) {
            store.dropExpired(now, properties.retention());
            nextRetentionCheck = now.plus(RETENTION_CHECK);
        }
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static AuditEvent droppedEvent(long count, String why) {
        return new AuditEvent(Instant.now(), "system", null, "system", null, "audit.dropped", null, null, null, null,
                null, 0, count, null, count + " audit event(s) dropped: " + why, null);
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }
}
