package org.clipfile.enrich.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.ReutersSgmlReader;

/**
 * The texts of ../shared/corpora as the enricher sees them (title, blank line, body): the seed article, GUM news,
 * Reuters-21578 and BBC. Each part is empty when its folder is absent.
 */
final class SharedCorpora {
    static final Path ROOT = Path.of("..", "shared", "corpora");
    static final Path SEED = ROOT.resolve("seed");
    static final Path GUM = ROOT.resolve("ner/gum-news/dep");
    static final Path REUTERS = ROOT.resolve("news/reuters21578");
    static final Path BBC = ROOT.resolve("news/bbc");

    record Text(String corpus, String name, String text) {}

    private SharedCorpora() {}

    static List<Text> seed() throws IOException {
        return plainFiles("seed", SEED, ".txt", Integer.MAX_VALUE);
    }

    static List<Text> gum(int limit) throws IOException {
        List<Text> texts = new ArrayList<>();
        if (!Files.isDirectory(GUM)) {
            return texts;
        }
        try (Stream<Path> files = Files.list(GUM)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conllu")).sorted().limit(limit).toList()) {
                texts.add(new Text("gum", file.getFileName().toString(), gumText(file)));
            }
        }
        return texts;
    }

    /** The sentences of a CoNLL-U file from their "# text =" lines, a blank line between paragraphs. */
    private static String gumText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# newpar") && !text.isEmpty()) {
                text.append("\n\n");
            } else if (line.startsWith("# text = ")) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
                text.append(line.substring("# text = ".length()));
            }
        }
        return text.toString();
    }

    static List<Text> reuters(int limit) throws IOException {
        List<Text> texts = new ArrayList<>();
        if (!Files.isDirectory(REUTERS)) {
            return texts;
        }
        try (Stream<Path> files = Files.list(REUTERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sgm")).sorted().toList()) {
                // Reuters-21578 files are Latin-1 with a few stray bytes.
                String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
                ReutersSgmlReader.split(file.getFileName().toString(), sgml, raw -> {
                    if (texts.size() >= limit) {
                        return;
                    }
                    try {
                        ArticleDraft draft = ReutersSgmlReader.parse(new String(raw.bytes(), StandardCharsets.UTF_8));
                        texts.add(new Text("reuters", raw.name(), draft.title() + "\n\n" + draft.body()));
                    } catch (InvalidArticleException e) {
                        // a story without title or text: not an article, as in the importer
                    }
                });
                if (texts.size() >= limit) {
                    break;
                }
            }
        }
        return texts;
    }

    static List<Text> bbc(int limit) throws IOException {
        return plainFiles("bbc", BBC, ".txt", limit);
    }

    private static List<Text> plainFiles(String corpus, Path folder, String suffix, int limit) throws IOException {
        List<Text> texts = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return texts;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix) && !f.getFileName().toString()
                    .toUpperCase(java.util.Locale.ROOT).startsWith("README")).sorted().limit(limit).toList()) {
                texts.add(new Text(corpus, ROOT.relativize(file).toString(),
                        Files.readString(file, StandardCharsets.ISO_8859_1)));
            }
        }
        return texts;
    }
}
