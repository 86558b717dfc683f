package org.clipfile.search;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.clipfile.enrich.MentionSpans.Span;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks the people, groups and places a highlighted snippet names, by type, on top of the query's {@code <mark>}s.
 * The result stays HTML-escaped text whose only markup is {@code <mark>} and
 * {@code <span class="entity person|group|place" data-id="...">}; where an entity and a match overlap, the span is
 * split so the elements nest.
 */
final class SnippetMarker {
    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private SnippetMarker() {}

    /**
     * @param spansOf the entity names in a plain text (the snippet without its markup), e.g.
     *     {@code text -> MentionSpans.find(text, entities)}
     */
    static String mark(String highlighted, Function<String, List<Span>> spansOf) {
        StringBuilder text = new StringBuilder();
        TreeSet<Integer> boundaries = new TreeSet<>();
        List<int[]> matches = new java.util.ArrayList<>();
        int at = 0;
        while (at < highlighted.length()) {
            int open = highlighted.indexOf(OPEN, at);
            if (open < 0) {
                text.append(HtmlUtils.htmlUnescape(highlighted.substring(at)));
                break;
            }
            text.append(HtmlUtils.htmlUnescape(highlighted.substring(at, open)));
            int close = highlighted.indexOf(CLOSE, open);
            int end = close < 0 ? highlighted.length() : close;
            int start = text.length();
            text.append(HtmlUtils.htmlUnescape(highlighted.substring(open + OPEN.length(), end)));
            matches.add(new int[] {start, text.length()});
            at = close < 0 ? highlighted.length() : close + CLOSE.length();
        }
        String plain = text.toString();
        List<Span> spans = spansOf.apply(plain);
        boundaries.add(0);
        boundaries.add(plain.length());
        matches.forEach(m -> {
            boundaries.add(m[0]);
            boundaries.add(m[1]);
        });
        spans.forEach(s -> {
            boundaries.add(s.start());
            boundaries.add(s.end());
        });
        StringBuilder out = new StringBuilder(highlighted.length() + spans.size() * 48);
        Integer from = boundaries.first();
        for (Integer to : boundaries.tailSet(from, false)) {
            int a = from;
            String piece = HtmlUtils.htmlEscape(plain.substring(a, to));
            boolean matched = matches.stream().anyMatch(m -> m[0] <= a && a < m[1]);
            Span entity = spans.stream().filter(s -> s.start() <= a && a < s.end()).findFirst().orElse(null);
            if (matched) {
                piece = OPEN + piece + CLOSE;
            }
            if (entity != null) {
                piece = "<span class=\"entity " + entity.type() + "\" data-id=\"" + HtmlUtils.htmlEscape(entity.id())
                        + "\">" + piece + "</span>";
            }
            out.append(piece);
            from = to;
        }
        return out.toString();
    }
}
