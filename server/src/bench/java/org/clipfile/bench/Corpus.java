package org.clipfile.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Reuters-21578 stories used by the benchmark: the first {@code n} stories of the collection, in file order,
 * written unchanged into one SGML file that Clipfile imports as an upload.
 */
final class Corpus {
    private static final Pattern STORY = Pattern.compile("<REUTERS\\b[^>]*>.*?</REUTERS>", Pattern.DOTALL);

    private Corpus() {}

    /** Null when the collection is absent. */
    static List<String> reutersStories(Path folder, int n) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList();
        }
        if (files.isEmpty()) {
            return null;
        }
        List<String> stories = new ArrayList<>();
        for (Path file : files) {
            Matcher m = STORY.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            while (m.find() && stories.size() < n) {
                stories.add(m.group());
            }
            if (stories.size() >= n) {
                break;
            }
        }
        return stories;
    }

    static Path write(Path file, List<String> stories) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", stories) + "\n", StandardCharsets.ISO_8859_1);
        return file;
    }
}
