package org.clipfile.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clipfile.article.ArticleDraft;
import org.springframework.stereotype.Component;

/**
 * Plain-text articles. The scraped layout of the reference article is: a title line, a blank line, a short
 * section/tag line, a blank line, then the body. Text without that layout takes its first non-empty line as the
 * title. Lines that scrapers leave behind ("Exit mobile version") are dropped.
 */
@Component
public class PlainTextArticleParser {
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
    private static final int MAX_TAG_LINE_LENGTH = 60;
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?\"”:;]$");

    private final JunkLines junkLines = JunkLines.standard();

    public ArticleDraft parse(String text) {
        String normalized = TextNormalizer.normalize(text);
        List<String> blocks = new ArrayList<>();
        for (String block : BLANK_LINES.split(normalized)) {
            String kept = Arrays.stream(block.split("\n"))
                    .filter(line -> !isJunk(line))
                    .collect(Collectors.joining("\n"))
                    .strip();
            if (!kept.isEmpty()) {
                blocks.add(kept);
            }
        }
        if (blocks.isEmpty()) {
            throw new InvalidArticleException("The article is empty: expected a title line followed by the body");
        }
        String first = blocks.getFirst();
        int firstBreak = first.indexOf('\n');
        String title = firstBreak < 0 ? first : first.substring(0, firstBreak).strip();
        List<String> rest = new ArrayList<>();
        if (firstBreak >= 0) {
            rest.add(first.substring(firstBreak + 1).strip());
        }
        rest.addAll(blocks.subList(1, blocks.size()));

        List<String> tags = List.of();
        if (firstBreak < 0 && rest.size() > 1 && looksLikeTagLine(rest.getFirst())) {
            tags = Arrays.stream(rest.removeFirst().split("[,|;]"))
                    .map(String::strip)
                    .filter(tag -> !tag.isEmpty())
                    .toList();
        }
        String body = String.join("\n\n", rest);
        if (body.isBlank()) {
            throw new InvalidArticleException("The article has a title but no body");
        }
        String section = tags.isEmpty() ? null : tags.getFirst().toLowerCase(Locale.ROOT);
        return new ArticleDraft(title, body, null, null, null, section, tags, null, null);
    }

    private static boolean looksLikeTagLine(String block) {
        return !block.contains("\n")
                && block.length() <= MAX_TAG_LINE_LENGTH
                && !SENTENCE_END.matcher(block).matches();
    }

    private boolean isJunk(String line) {
        return junkLines.isJunk(line);
    }
}
