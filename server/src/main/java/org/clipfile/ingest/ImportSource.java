package org.clipfile.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * A file or folder to import, opened into raw documents: plain text, HTML, JSON (an object or an array),
 * NDJSON (a document per line), Reuters SGML (a document per story) and zip archives of any of these. Every entry
 * that cannot become a document is reported to the sink with its reason; nothing is silently skipped except
 * hidden files and files outside the {@code include} pattern.
 *
 * @param path the file or folder
 * @param displayName how the import names the top-level file (the upload's original name)
 * @param include a glob on file names (e.g. {@code *.sgm}) applied in folders and inside archives, or null for
 *     every file
 */
public record ImportSource(Path path, String displayName, @Nullable String include, ImportLimits limits) {
    /** Below this an entry may expand any number of times (small files compress very well too). */
    private static final long RATIO_FLOOR_BYTES = 1_000_000;
    private static final int PEEK_BYTES = 4096;

    /** Documents this source will yield, counted cheaply beforehand for progress and ETA (an estimate). */
    public long estimateDocuments() throws IOException {
        long count = 0;
        for (Path file : files()) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip")) {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    count += zip.stream().filter(e -> !e.isDirectory()).count();
                }
            } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                    count += lines.filter(line -> !line.isBlank()).count();
                }
            } else if (name.endsWith(".sgm") || name.endsWith(".sgml")) {
                try (InputStream in = Files.newInputStream(file)) {
                    count += SgmlStories.count(in);
                }
            } else {
                count++;
            }
        }
        return count;
    }

    public void read(DocumentSink sink) throws IOException, InterruptedException {
        boolean folder = Files.isDirectory(path);
        for (Path file : files()) {
            String name = folder ? path.relativize(file).toString() : displayName;
            String sectionHint = null;
            if (folder && file.getParent() != null && !file.getParent().equals(path)) {
                sectionHint = file.getParent().getFileName().toString();
            }
            if (Files.size(file) > limits.maxDocumentBytes() && !isContainer(name)) {
                sink.failure(name, "The file has " + Files.size(file) + " bytes; the limit is "
                        + limits.maxDocumentBytes());
                continue;
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                readZip(file, name, sink);
            } else {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    expand(name, in, sectionHint, sink);
                }
            }
        }
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        Path root = path.toRealPath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted().toList()) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || isHidden(path.relativize(file))) {
                    continue;
                }
                if (!file.toRealPath().startsWith(root)) {
                    continue;
                }
                if (included(file) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private boolean included(Path file) {
        return include == null || FileSystems.getDefault().getPathMatcher("glob:" + include)
                .matches(file.getFileName());
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContainer(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")
                || lower.endsWith(".sgm") || lower.endsWith(".sgml") || lower.endsWith(".json");
    }

    private void readZip(Path file, String archiveName, DocumentSink sink) throws IOException, InterruptedException {
        long expanded = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = archiveName + "!" + entry.getName();
                String unsafe = unsafeEntryName(entry.getName());
                if (unsafe != null) {
                    sink.failure(name, unsafe);
                    continue;
                }
                if (isHidden(Path.of(entry.getName())) || !included(Path.of(entry.getName()))) {
                    continue;
                }
                if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    sink.failure(name, "Archives inside archives are not imported; unpack the inner archive");
                    continue;
                }
                if (entry.getCompressedSize() > 0 && entry.getSize() > 1_000_000
                        && entry.getSize() / entry.getCompressedSize() > limits.maxCompressionRatio()) {
                    sink.failure(name, "The entry expands " + entry.getSize() / entry.getCompressedSize()
                            + " times its compressed size (a zip bomb?); refused");
                    continue;
                }
                long budget = limits.maxArchiveBytes() - expanded;
                if (budget <= 0) {
                    sink.failure(name, "The archive expands beyond " + limits.maxArchiveBytes()
                            + " bytes; the rest of it is not imported");
                    return;
                }
                Path entryPath = Path.of(entry.getName());
                String sectionHint = entryPath.getParent() == null ? null : entryPath.getParent().getFileName()
                        .toString();
                // The sizes an archive declares are the archive's word: count what is actually inflated.
                long compressed = Math.min(Math.max(entry.getCompressedSize(), 0), Files.size(file));
                long ratioLimit = Math.max(RATIO_FLOOR_BYTES, compressed * limits.maxCompressionRatio());
                ExpansionLimit limit = new ExpansionLimit(zip.getInputStream(entry), Math.min(budget, ratioLimit));
                try (InputStream in = new BufferedInputStream(limit)) {
                    expand(name, in, sectionHint, sink);
                } catch (ExpansionLimit.Exceeded e) {
                    sink.failure(name, limit.limit() == budget
                            ? "The archive expands beyond " + limits.maxArchiveBytes() + " bytes; the rest of it "
                                    + "is not imported"
                            : "The entry expands more than " + limits.maxCompressionRatio() + " times its "
                                    + "compressed size (a zip bomb?); the rest of it is refused");
                    if (limit.limit() == budget) {
                        return;
                    }
                } catch (java.util.zip.ZipException e) {
                    sink.failure(name, "The archive entry is corrupt: " + e.getMessage());
                } finally {
                    expanded += limit.count();
                }
            }
        } catch (java.util.zip.ZipException e) {
            sink.failure(archiveName, "Not a readable zip archive: " + e.getMessage());
        }
    }

    /** Why an entry name is unsafe (absolute, or climbing out with ..), or null when it is fine. */
    static @Nullable String unsafeEntryName(String name) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return "Absolute path in archive refused: " + name;
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                return "Path traversal in archive refused: " + name;
            }
        }
        return null;
    }

    /**
     * Opens one file's content into documents. Containers (NDJSON, JSON arrays, SGML) are streamed and every
     * document in them is held to the document limit; anything else is one document, read up to that limit.
     */
    private void expand(String name, InputStream in, @Nullable String sectionHint, DocumentSink sink)
            throws IOException, InterruptedException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            readLines(name, in, sink);
            return;
        }
        if (lower.endsWith(".sgm") || lower.endsWith(".sgml")) {
            if (SgmlStories.split(name, in, limits.maxDocumentBytes(), sink) == 0) {
                sink.failure(name, "No <REUTERS> stories in this SGML file");
            }
            return;
        }
        if (lower.endsWith(".json") && firstNonSpace(in) == '[') {
            JsonArraySplitter.split(name, in, limits.maxDocumentBytes(), sink);
            return;
        }
        long cap = limits.maxDocumentBytes();
        byte[] bytes = readAtMost(in, cap);
        if (bytes == null) {
            sink.failure(name, "The document is larger than " + cap + " bytes; refused");
            return;
        }
        if (bytes.length == 0) {
            sink.failure(name, "The file is empty");
            return;
        }
        DocumentFormat format = DocumentFormat.fromFileName(name).orElseGet(() -> sniff(bytes));
        sink.document(new RawDocument(name, format, bytes, sectionHint));
    }

    private void readLines(String name, InputStream in, DocumentSink sink) throws IOException, InterruptedException {
        int lineNumber = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b;
        while (true) {
            b = in.read();
            if (b == -1 || b == '\n') {
                lineNumber++;
                String lineName = name + ":" + lineNumber;
                if (tooLong) {
                    sink.failure(lineName, "The line is longer than " + limits.maxDocumentBytes() + " bytes");
                } else if (line.size() > 0 && !line.toString(StandardCharsets.UTF_8).isBlank()) {
                    sink.document(new RawDocument(lineName, DocumentFormat.JSON, line.toByteArray(), null));
                }
                line.reset();
                tooLong = false;
                if (b == -1) {
                    return;
                }
                continue;
            }
            if (line.size() >= limits.maxDocumentBytes()) {
                tooLong = true;
            } else {
                line.write(b);
            }
        }
    }

    private static byte @Nullable [] readAtMost(InputStream in, long cap) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 16));
        return bytes.length > cap ? null : bytes;
    }

    /** The first byte that is not white space or a byte order mark, leaving the stream where it was. */
    private static int firstNonSpace(InputStream in) throws IOException {
        in.mark(PEEK_BYTES + 1);
        try {
            for (int i = 0; i < PEEK_BYTES; i++) {
                int b = in.read();
                if (b < 0 || !Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /** Guesses the format of a file without a telling name from its first bytes. */
    static DocumentFormat sniff(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("{")) {
            return DocumentFormat.JSON;
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.contains("<head")) {
            return DocumentFormat.HTML;
        }
        return DocumentFormat.TEXT;
    }
}
