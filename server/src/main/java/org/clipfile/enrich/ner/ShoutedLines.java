package org.clipfile.enrich.ner;

/**
 * Lines written in capitals (wire headlines: "BAKER SAYS HE OPPOSES TAX RISE") carry no case for a tagger to read
 * names by: it tags "HE", "BROWN" or "SAYS" as people. Such lines are blanked, offsets kept, before recognition, so
 * names are recognised from the text in normal case. A text wholly in capitals (a one-line brief, old wire copy)
 * is blanked too: a tagger reads junk from it ("BAKER SAYS HE"), and the alias registry's names are still found in it
 * by the dictionary pass, which reads the text as written.
 */
public final class ShoutedLines {
    /** Fewer letters than this make no headline to speak of ("US", "AFP"), and are left alone. */
    private static final int FEWEST_LETTERS = 6;

    private ShoutedLines() {}

    /** The text with every shouted line replaced by spaces of the same length; the same text when there is none. */
    public static String blank(String text) {
        StringBuilder out = null;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int shouted = shouted(text, start, end);
            if (shouted > 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                for (int i = start; i < end; i++) {
                    out.setCharAt(i, ' ');
                }
            }
            start = end + 1;
        }
        return out == null ? text : out.toString();
    }

    /** The lines of a text written in capitals, as written. */
    public static java.util.List<String> lines(String text) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (shouted(text, start, end) > 0) {
                lines.add(text.substring(start, end));
            }
            start = end + 1;
        }
        return lines;
    }

    /** 1 when the line is in capitals, 0 when it is in normal case, -1 when it has too few letters to say. */
    private static int shouted(String text, int begin, int end) {
        int letters = 0;
        int lower = 0;
        for (int i = begin; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lower++;
                }
            }
        }
        if (letters < FEWEST_LETTERS) {
            return -1;
        }
        // "McDONALD'S SAYS" and "U.S. ... 1ST QTR" keep a few lowercase letters.
        return lower * 10 <= letters ? 1 : 0;
    }
}
