package org.clipfile.ingest.html;

import java.util.Set;

/**
 * Estimates how deep a page's elements nest, in one pass over the raw text, before paying for a parse: jsoup's
 * tree builder slows down badly on thousands of nested tables or formatting elements. Tags whose end is implied
 * (p, li, td...) and void tags are not counted, so sloppy but real pages stay far below the limit.
 */
final class NestingGuard {
    /** Real pages measured here nest less than a few hundred deep by this estimate. */
    static final int MAX_ESTIMATED_DEPTH = 2_000;
    private static final Set<String> NOT_COUNTED = Set.of("p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead",
            "tfoot", "option", "optgroup", "rb", "rt", "rp", "colgroup", "caption", "area", "base", "br", "col",
            "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "html", "head", "body",
            "script", "style");

    private NestingGuard() {}

    static int estimatedDepth(String html) {
        return estimatedDepth(html, Integer.MAX_VALUE);
    }

    /**
     * The estimated depth, or the first depth over {@code limit} as soon as it is reached. Linear in the text: the
     * position of the next {@code >} is remembered rather than searched again after every {@code <} (a text of
     * {@code <a} repeated, with no {@code >}, once took minutes).
     */
    static int estimatedDepth(String html, int limit) {
        int depth = 0;
        int max = 0;
        int length = html.length();
        int nextClose = -1;
        StringBuilder name = new StringBuilder(16);
        for (int i = html.indexOf('<'); i >= 0 && i < length - 1; i = html.indexOf('<', i + 1)) {
            boolean closing = html.charAt(i + 1) == '/';
            int start = closing ? i + 2 : i + 1;
            name.setLength(0);
            int j = start;
            while (j < length && name.length() < 16 && Character.isLetterOrDigit(html.charAt(j))) {
                name.append(Character.toLowerCase(html.charAt(j)));
                j++;
            }
            if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || NOT_COUNTED.contains(name.toString())) {
                continue;
            }
            if (closing) {
                depth = Math.max(0, depth - 1);
            } else {
                if (nextClose != Integer.MAX_VALUE && nextClose < j) {
                    int found = html.indexOf('>', j);
                    nextClose = found < 0 ? Integer.MAX_VALUE : found;
                }
                if (nextClose != Integer.MAX_VALUE && nextClose > 0 && html.charAt(nextClose - 1) == '/') {
                    continue;
                }
                depth++;
                max = Math.max(max, depth);
                if (max > limit) {
                    return max;
                }
            }
        }
        return max;
    }
}
