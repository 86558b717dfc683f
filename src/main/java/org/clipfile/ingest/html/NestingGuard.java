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
        int depth = 0;
        int max = 0;
        int length = html.length();
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
                int end = html.indexOf('>', j);
                if (end > 0 && html.charAt(end - 1) == '/') {
                    continue;
                }
                depth++;
                max = Math.max(max, depth);
            }
        }
        return max;
    }
}
