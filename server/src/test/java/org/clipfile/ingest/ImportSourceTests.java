package org.clipfile.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSourceTests {
    @TempDir
    Path dir;

    /** Collects what a source yields. */
    static final class Collected implements DocumentSink {
        final List<RawDocument> documents = new ArrayList<>();
        final Map<String, String> failures = new LinkedHashMap<>();

        @Override
        public void document(RawDocument document) {
            documents.add(document);
        }

        @Override
        public void failure(String name, String reason) {
            failures.put(name, reason);
        }

        List<String> names() {
            return documents.stream().map(RawDocument::name).toList();
        }
    }

    private static Collected read(Path path, String include, ImportLimits limits) throws Exception {
        Collected collected = new Collected();
        new ImportSource(path, path.getFileName().toString(), include, limits).read(collected);
        return collected;
    }

    private static Collected read(Path path) throws Exception {
        return read(path, null, ImportLimits.defaults());
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldOpenAZipIntoItsDocumentsByFormat() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("world/a.txt", utf8("Title\n\nBody."));
        entries.put("b.html", utf8("<html><body><p>x</p></body></html>"));
        entries.put("c.json", utf8("{\"title\": \"t\", \"body\": \"b\"}"));
        entries.put("d.ndjson", utf8("{\"title\": \"1\", \"body\": \"b\"}\n\n{\"title\": \"2\", \"body\": \"b\"}\n"));
        Collected collected = read(zip("archive.zip", entries));

        assertThat(collected.names()).containsExactly("archive.zip!world/a.txt", "archive.zip!b.html",
                "archive.zip!c.json", "archive.zip!d.ndjson:1", "archive.zip!d.ndjson:3");
        assertThat(collected.documents).extracting(RawDocument::format).containsExactly(DocumentFormat.TEXT,
                DocumentFormat.HTML, DocumentFormat.JSON, DocumentFormat.JSON, DocumentFormat.JSON);
        assertThat(collected.documents.getFirst().sectionHint()).isEqualTo("world");
        assertThat(collected.failures).isEmpty();
    }

    @Test
    void shouldRefuseTraversalAbsolutePathsNestedArchivesAndEmptyEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../etc/cron.d/x.txt", utf8("evil"));
        entries.put("/abs.txt", utf8("evil"));
        entries.put("inner.zip", utf8("PK"));
        entries.put("empty.txt", new byte[0]);
        entries.put("good.txt", utf8("Good\n\nBody."));
        Collected collected = read(zip("bad.zip", entries));

        assertThat(collected.names()).containsExactly("bad.zip!good.txt");
        assertThat(collected.failures).containsOnlyKeys("bad.zip!../../etc/cron.d/x.txt", "bad.zip!/abs.txt",
                "bad.zip!inner.zip", "bad.zip!empty.txt");
        assertThat(collected.failures.get("bad.zip!../../etc/cron.d/x.txt")).contains("Path traversal");
        assertThat(collected.failures.get("bad.zip!inner.zip")).contains("inside archives");
    }

    @Test
    void shouldRefuseAnEntryThatExpandsLikeAZipBomb() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("bomb.txt", new byte[5_000_000]);
        Collected collected = read(zip("bomb.zip", entries));

        assertThat(collected.documents).isEmpty();
        assertThat(collected.failures.get("bomb.zip!bomb.txt")).contains("zip bomb");
    }

    @Test
    void shouldStopAtTheArchiveExpansionLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put(i + ".txt", utf8("Title " + i + "\n\n" + "text ".repeat(200)));
        }
        Collected collected = read(zip("big.zip", entries), null, new ImportLimits(10_000, 2_500, 200));

        assertThat(collected.documents).hasSizeLessThan(5);
        assertThat(collected.failures.values()).anyMatch(reason -> reason.contains("expands beyond"));
    }

    @Test
    void shouldRefuseDocumentsAboveTheSizeLimit() throws Exception {
        Path big = Files.writeString(dir.resolve("big.txt"), "Title\n\n" + "x".repeat(2000));
        Collected collected = read(big, null, new ImportLimits(1000, 1 << 20, 200));

        assertThat(collected.documents).isEmpty();
        assertThat(collected.failures.get("big.txt")).contains("limit is 1000");
    }

    @Test
    void shouldWalkAFolderWithIncludeGlobHiddenFilesAndFolderSections() throws Exception {
        Files.createDirectories(dir.resolve("corpus/sport"));
        Files.createDirectories(dir.resolve("corpus/.git"));
        Files.writeString(dir.resolve("corpus/sport/001.txt"), "Goal\n\nA late goal.");
        Files.writeString(dir.resolve("corpus/README.TXT"), "About this corpus");
        Files.writeString(dir.resolve("corpus/.git/config"), "x");
        Files.writeString(dir.resolve("corpus/.hidden.txt"), "x");
        Collected collected = read(dir.resolve("corpus"), "*.txt", ImportLimits.defaults());

        assertThat(collected.names()).containsExactly("sport/001.txt");
        assertThat(collected.documents.getFirst().sectionHint()).isEqualTo("sport");
    }

    @Test
    void shouldSplitJsonArraysIntoDocuments() throws Exception {
        Path file = Files.writeString(dir.resolve("dump.json"),
                "[{\"title\": \"a\", \"body\": \"b\"}, {\"title\": \"c\", \"body\": \"d\"}]");
        Collected collected = read(file);

        assertThat(collected.names()).containsExactly("dump.json[0]", "dump.json[1]");
    }

    @Test
    void shouldCountDocumentsBeforeReading() throws Exception {
        Files.writeString(dir.resolve("a.ndjson"), "{}\n{}\n\n{}\n");
        Files.writeString(dir.resolve("b.sgm"), ReutersSgmlReaderTests.FILE);
        Files.writeString(dir.resolve("c.txt"), "t\n\nb");

        assertThat(new ImportSource(dir, "dir", null, ImportLimits.defaults()).estimateDocuments()).isEqualTo(7);
    }

    /**
     * Finding 5: the zip-bomb check trusted the size an archive declares. This archive says its entry holds 1,000
     * bytes; it inflates to 12 MB of JSON.
     */
    @Test
    void shouldCountTheBytesActuallyInflatedNotTheSizeTheArchiveDeclares() throws Exception {
        String element = "{\"title\":\"t\",\"body\":\"b\"},";
        int elements = 12_000_000 / element.length();
        StringBuilder json = new StringBuilder("[");
        json.append(element.repeat(elements - 1)).append(element, 0, element.length() - 1).append(']');
        Path file = zip("liar.zip", Map.of("bomb.json", utf8(json.toString())));
        declareUncompressedSize(file, 1_000);
        assertThat(Files.size(file)).isLessThan(100_000);

        Collected collected = read(file);

        assertThat(collected.failures.get("liar.zip!bomb.json")).contains("zip bomb");
        assertThat(collected.documents.size()).as("documents read before the limit").isLessThan(elements / 2);
    }

    /** Overwrites the uncompressed size of every entry in the archive's central directory. */
    private static void declareUncompressedSize(Path zip, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, size);
                patched++;
            }
        }
        assertThat(patched).isPositive();
        Files.write(zip, bytes);
    }

    @Test
    void shouldHoldEveryElementOfAJsonArrayToTheDocumentLimit() throws Exception {
        String small = "{\"title\": \"a\", \"body\": \"b\"}";
        String big = "{\"title\": \"big\", \"body\": \"b\", \"tags\": [" + String.join(",",
                java.util.Collections.nCopies(1_000, "\"tag\"")) + "]}";
        Path file = Files.writeString(dir.resolve("dump.json"), "[" + small + ", " + big + ", " + small + "]");

        Collected collected = read(file, null, new ImportLimits(1_000, 1 << 20, 200));

        assertThat(collected.names()).containsExactly("dump.json[0]", "dump.json[2]");
        assertThat(collected.failures.get("dump.json[1]")).contains("larger than 1000 bytes");
    }

    @Test
    void shouldStreamAJsonArrayFarLargerThanTheDocumentLimit() throws Exception {
        String small = "{\"title\": \"a\", \"body\": \"b\"}";
        Path file = Files.writeString(dir.resolve("many.json"), "[" + String.join(",",
                java.util.Collections.nCopies(2_000, small)) + "]");

        Collected collected = read(file, null, new ImportLimits(1_000, 1 << 20, 200));

        assertThat(collected.documents).hasSize(2_000);
        assertThat(collected.failures).isEmpty();
    }

    @Test
    void shouldHoldEverySgmlStoryToTheDocumentLimit() throws Exception {
        String story = "<REUTERS NEWID=\"%d\"><TEXT><TITLE>T%d</TITLE><BODY>%s</BODY></TEXT></REUTERS>\n";
        Path file = Files.writeString(dir.resolve("wire.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
                + story.formatted(1, 1, "short") + story.formatted(2, 2, "long ".repeat(1_000))
                + story.formatted(3, 3, "short"));

        Collected collected = read(file, null, new ImportLimits(1_000, 1 << 20, 200));

        assertThat(collected.names()).containsExactly("wire.sgm#NEWID=1", "wire.sgm#NEWID=3");
        assertThat(collected.failures.get("wire.sgm#NEWID=2")).contains("larger than 1000 bytes");
    }

    @Test
    void shouldSplitSgmlReadInSmallPiecesLikeTheWholeFile() throws Exception {
        List<RawDocument> whole = new ArrayList<>();
        ReutersSgmlReader.split("f.sgm", ReutersSgmlReaderTests.FILE, whole::add);
        Collected streamed = new Collected();
        byte[] bytes = ReutersSgmlReaderTests.FILE.getBytes(StandardCharsets.ISO_8859_1);
        java.io.InputStream trickle = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };

        SgmlStories.split("f.sgm", trickle, 1 << 20, streamed);

        assertThat(streamed.names()).isEqualTo(whole.stream().map(RawDocument::name).toList());
        for (int i = 0; i < whole.size(); i++) {
            assertThat(streamed.documents.get(i).bytes()).isEqualTo(whole.get(i).bytes());
        }
    }

    @Test
    void shouldSniffFormatsOfFilesWithoutExtension() {
        assertThat(ImportSource.sniff(utf8("  <!DOCTYPE html><html>"))).isEqualTo(DocumentFormat.HTML);
        assertThat(ImportSource.sniff(utf8("{\"title\": 1}"))).isEqualTo(DocumentFormat.JSON);
        assertThat(ImportSource.sniff(utf8("Headline\n\nBody"))).isEqualTo(DocumentFormat.TEXT);
    }
}
