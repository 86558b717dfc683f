package org.clipfile.imports;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clipfile.enrich.catalogue.EntityProperties;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.ingest.ImportSource;
import org.clipfile.ingest.IngestService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts import jobs, runs them one after another on this instance, and takes over jobs whose server died: a job
 * whose heartbeat is older than {@code clipfile.imports.abandoned-after} is started again from the beginning. Re-running is safe
 * because article ids are deterministic: what was indexed before is overwritten, never duplicated.
 */
@Service
public class ImportService implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportJobStore store;
    private final IngestService ingest;
    private final ArticleIndex index;
    private final ImportProperties properties;
    private final ImportMetrics metrics;
    private final Reindexer reindexer;
    private final EntityProperties entities;
    private final String instanceId;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-jobs").daemon().factory());
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-watchdog").daemon().factory());
    private volatile @Nullable String alias;
    /** Jobs this instance has queued or is running: never "abandoned", however late their heartbeat. */
    private final java.util.Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The jobs this instance runs, as of their last progress report (see {@link #find}). */
    private final java.util.Map<String, ImportJob> live = new java.util.concurrent.ConcurrentHashMap<>();

    ImportService(ImportJobStore store, IngestService ingest, ArticleIndex index, ImportProperties properties,
            ImportMetrics metrics, Reindexer reindexer, EntityProperties entities) {
        this.reindexer = reindexer;
        this.entities = entities;
        this.store = store;
        this.metrics = metrics;
        this.ingest = ingest;
        this.index = index;
        this.properties = properties;
        this.instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        this.alias = index.alias();
        store.ensureExists();
        resumeAbandoned();
        long period = Math.max(1, properties.abandonedAfter().toMillis() / 2);
        watchdog.scheduleWithFixedDelay(this::resumeAbandonedQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Spools an uploaded archive or file and starts importing it. */
    public ImportJob startUpload(String originalName, InputStream content, @Nullable String include)
            throws IOException {
        String safeName = uploadName(originalName);
        requireReady();
        String id = newId();
        Path root = properties.spoolDir().toAbsolutePath();
        // Uploads may hold unpublished material: readable by the server's account only.
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, ownerOnly);
        Path folder = Files.createDirectory(root.resolve(id), PosixFilePermissions.asFileAttribute(ownerOnly));
        Path spool = folder.resolve(safeName);
        long limit = properties.maxArchiveSize().toBytes();
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            long copied = content.transferTo(new LimitedOutputStream(out, limit));
            if (copied == 0) {
                throw new ImportRequestException("The upload is empty");
            }
            kept = true;
        } catch (LimitedOutputStream.LimitExceeded e) {
            throw new ImportTooLargeException("The upload is larger than " + properties.maxArchiveSize());
        } finally {
            if (!kept) {
                deleteSpool(folder);
            }
        }
        return submit(ImportJob.queued(id, ImportJob.SourceKind.upload, safeName, spool.toString(), include));
    }

    /**
     * The file name an upload is kept under: the last part of the name the client gave. A name that is no file
     * name (empty, {@code .}, {@code ..}, control characters, over 255 bytes) is the client's mistake: 400.
     */
    static String uploadName(String originalName) {
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new ImportRequestException("name must be a file name (such as archive.zip), not '"
                    + originalName.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ImportRequestException("name must not contain control characters");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new ImportRequestException("name must be at most 255 bytes long");
        }
        return name;
    }

    /** Starts importing a folder (or file) on the server's disk, when an administrator allowed its root. */
    public ImportJob startFolder(String folder, @Nullable String include) throws IOException {
        requireReady();
        if (properties.allowedRoots().isEmpty()) {
            throw new ImportForbiddenException("Imports of server folders are switched off; an administrator "
                    + "allows them with clipfile.imports.allowed-roots");
        }
        Path path = Path.of(folder);
        if (!Files.exists(path)) {
            throw new ImportRequestException("No such file or folder on the server: " + folder);
        }
        Path real = path.toRealPath();
        boolean allowed = false;
        for (Path root : properties.allowedRoots()) {
            if (Files.exists(root) && real.startsWith(root.toRealPath())) {
                allowed = true;
            }
        }
        if (!allowed) {
            throw new ImportForbiddenException(folder + " is outside the folders imports may read ("
                    + "clipfile.imports.allowed-roots)");
        }
        return submit(ImportJob.queued(newId(), ImportJob.SourceKind.folder, real.getFileName().toString(),
                real.toString(), include));
    }

    /** A job; one this instance runs as of its last second, which the store has up to a few seconds later. */
    public Optional<ImportJob> find(String id) throws IOException {
        ImportJob running = live.get(id);
        return running != null ? Optional.of(running) : store.find(id);
    }

    public List<ImportJob> recent(int size) throws IOException {
        return store.recent(size);
    }

    public ImportFailures failures(String id, int from, int size) throws IOException {
        return store.failures(id, from, size);
    }

    private void requireReady() {
        if (alias == null) {
            throw new ImportUnavailableException("The archive is still starting; try the import again shortly");
        }
    }

    private ImportJob submit(ImportJob job) throws IOException {
        ImportJob claimed = new ImportJob(job.id(), job.status(), job.sourceKind(), job.sourceName(),
                job.sourcePath(), job.include(), instanceId, job.attempt(), job.createdAt(), null, Instant.now(),
                null, 0, 0, 0, 0, 0, 0, null, null);
        store.save(claimed);
        mine.add(claimed.id());
        jobs.submit(() -> {
            try {
                run(claimed);
            } finally {
                live.remove(claimed.id());
                mine.remove(claimed.id());
            }
        });
        return claimed;
    }

    private void run(ImportJob job) {
        String articlesAlias = alias;
        Path path = Path.of(job.sourcePath());
        ImportSource source = new ImportSource(path, job.sourceName(), job.include(), properties.limits());
        ImportJob current = job;
        try {
            ImportJob running = job.started(instanceId, source.estimateDocuments());
            current = running;
            store.save(running);
            log.info("Import {} of {} started (about {} documents, attempt {})", job.id(), job.sourceName(),
                    running.totalEstimate(), running.attempt());
            ImportRunner runner = new ImportRunner(store, ingest, outcome -> index.writer(properties.bulkOperations(),
                    properties.bulkSize().toBytes(), properties.maxOutage(), metrics.counting(outcome)).checking(ingest),
                    properties.effectiveParseThreads(), j -> live.put(j.id(), j),
                    ImportRunner.storeEvery(properties.abandonedAfter()));
            ImportJob end;
            bulkLoading(articlesAlias, true);
            try {
                end = runner.run(running, source);
            } finally {
                bulkLoading(articlesAlias, false);
            }
            metrics.jobEnded(end);
            if (end.status() == ImportJob.Status.completed && job.sourceKind() == ImportJob.SourceKind.upload) {
                deleteSpool(path.getParent());
            }
            relinkAfter(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Import {} interrupted by shutdown; another start will resume it", job.id());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {} failed: {}", job.id(), e.toString());
            try {
                store.save(current.finished(ImportJob.Status.failed, "The import could not run: "
                        + e.getMessage()));
            } catch (IOException | RuntimeException again) {
                log.warn("Could not record the failure of import {}: {}", job.id(), again.toString());
            }
        }
    }

    /** How often the article index makes new writes searchable while this instance imports (else every second). */
    static final String REFRESH_WHILE_IMPORTING = "30s";
    static final String REFRESH = "1s";
    private final java.util.concurrent.atomic.AtomicInteger importing = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * While an import runs, the article index refreshes every {@value #REFRESH_WHILE_IMPORTING} instead of every
     * second: each refresh makes a small segment, which every search (the copy lookups of the import itself) then
     * visits and merges rewrite (measured on 5,000 Reuters stories: Elasticsearch CPU 28 s -> 22 s, its query time
     * 27 s -> 5 s, merges 7.5 s -> 0.9 s; docs/recognition.md). The import makes its articles searchable at its
     * end (the bulk writer refreshes), a re-index refreshes before its catch-up, and the first import to start and
     * the last to end on this instance switch it. A failure to switch only costs speed.
     */
    private void bulkLoading(String alias, boolean on) {
        int now = on ? importing.getAndIncrement() : importing.decrementAndGet();
        if (now != 0) {
            return;
        }
        String interval = on ? REFRESH_WHILE_IMPORTING : REFRESH;
        try {
            index.refreshInterval(alias, interval);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not set the refresh interval of {} to {}: {}", alias, interval, e.toString());
        }
    }

    /**
     * A large import teaches the entity catalogue new short forms and acronyms, and its first articles were linked
     * before the catalogue knew the rest: a relink decides the links across the archive again and rewrites, in
     * place, the articles whose entities change (skipped while a re-index or relink runs).
     */
    private void relinkAfter(ImportJob end) {
        int threshold = entities.relinkAfterImport();
        if (end.status() != ImportJob.Status.completed || threshold == 0 || end.indexed() < threshold) {
            return;
        }
        try {
            reindexer.relink();
            log.info("Import {} indexed {} articles: relinking entities across the archive", end.id(),
                    end.indexed());
        } catch (ReindexRunningException e) {
            log.info("Import {}: no relink of entities, a re-index or relink is running ({})", end.id(),
                    e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Import {}: the relink of entities could not start: {}", end.id(), e.toString());
        }
    }

    private void resumeAbandonedQuietly() {
        try {
            resumeAbandoned();
        } catch (Exception e) {
            log.debug("Could not look for abandoned imports: {}", e.toString());
        }
    }

    void resumeAbandoned() throws IOException {
        for (ImportJob job : store.abandoned(Instant.now().minus(properties.abandonedAfter()))) {
            if (mine.contains(job.id())) {
                continue;
            }
            if (!Files.exists(Path.of(job.sourcePath()))) {
                store.save(job.finished(ImportJob.Status.failed, "The server running this import stopped, and "
                        + "its source is not on this server (" + job.sourceName() + "). Start the import again: "
                        + "documents already indexed are not duplicated."));
                continue;
            }
            log.info("Resuming import {} of {}, abandoned by {}", job.id(), job.sourceName(), job.owner());
            submit(job);
        }
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
        jobs.shutdownNow();
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static void deleteSpool(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("Could not delete spooled upload {}: {}", dir, e.toString());
        }
    }
}
