package org.clipfile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Counts the documents a file or folder holds, reading it as a stream: a story per {@code <REUTERS} in SGML, a line
 * per NDJSON document, an entry per zip entry, one per other file. Only for the progress bar's total.
 */
final class DocumentCount {
    private static final String STORY_START = "<REUTERS";

    private DocumentCount() {}

    static long of(Path path, @Nullable String include) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        if (!Files.isDirectory(path)) {
            return inFile(path);
        }
        PathMatcher matcher = include == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + include);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> matcher == null || matcher.matches(f.getFileName()))
                    .toList();
        }
        long count = 0;
        for (Path file : files) {
            count += inFile(file);
        }
        return count;
    }

    private static long inFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sgm") || name.endsWith(".sgml")) {
            return occurrences(file, STORY_START);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                return lines.filter(line -> !line.isBlank()).count();
            }
        }
        if (name.endsWith(".zip")) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return zip.stream().filter(e -> !e.isDirectory()).count();
            } catch (IOException e) {
                return 1;
            }
        }
        return 1;
    }

    private static long occurrences(Path file, String marker) throws IOException {
        long count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                for (int at = line.indexOf(marker); at >= 0; at = line.indexOf(marker, at + marker.length())) {
                    count++;
                }
            }
        }
        return Math.max(count, 1);
    }
}
