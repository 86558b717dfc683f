package org.clipfile.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Renders elements as paragraphs: every block element (paragraph, heading, list item, cell) starts a new one, a
 * {@code <br>} is a line break and two of them a paragraph break; whitespace collapses except inside {@code <pre>},
 * and control characters go. Lines come out stripped, so only Unicode normalization is left to do.
 */
final class Paragraphs {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    private Paragraphs() {}

    static List<String> of(List<Element> roots, Set<Element> skipped) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] preDepth = {0};
        NodeFilter visitor = new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && skipped.contains(element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode text) {
                    appendText(current, text.getWholeText(), preDepth[0] > 0);
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        current.append('\n');
                    } else if (ContentExtractor.BLOCK_TAGS.contains(tag)) {
                        flush(current, paragraphs);
                    }
                    if (tag.equals("pre")) {
                        preDepth[0]++;
                    }
                    if (tag.equals("img") && current.length() > 0) {
                        current.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("pre")) {
                        preDepth[0]--;
                    }
                    if (ContentExtractor.BLOCK_TAGS.contains(tag)) {
                        flush(current, paragraphs);
                    }
                }
                return FilterResult.CONTINUE;
            }
        };
        for (Element root : roots) {
            NodeTraversor.filter(visitor, root);
            flush(current, paragraphs);
        }
        return paragraphs;
    }

    private static void appendText(StringBuilder current, String text, boolean preformatted) {
        if (preformatted) {
            String lines = text.replace("\r\n", "\n").replace('\r', '\n');
            for (int i = 0; i < lines.length(); i++) {
                char c = lines.charAt(i);
                if (c == '\n' || c == '\t' || !isControl(c)) {
                    current.append(c);
                }
            }
            return;
        }
        boolean space = current.isEmpty() || endsWithSpace(current);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (!space) {
                    current.append(' ');
                    space = true;
                }
            } else if (isControl(c)) {
                continue;
            } else {
                current.append(c);
                space = false;
            }
        }
    }

    private static boolean isControl(char c) {
        return c < ' ' || c >= '\u007F' && c <= '\u009F' || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
                || c >= '\u2000' && (c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000');
    }

    private static boolean endsWithSpace(StringBuilder builder) {
        char last = builder.charAt(builder.length() - 1);
        return last == ' ' || last == '\n';
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.isEmpty()) {
            return;
        }
        for (String part : BLANK_LINE.split(current)) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : part.split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    if (!paragraph.isEmpty()) {
                        paragraph.append('\n');
                    }
                    paragraph.append(stripped);
                }
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph.toString());
            }
        }
        current.setLength(0);
    }
}
