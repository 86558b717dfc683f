package org.clipfile.search.query;

/**
 * How many terms Elasticsearch's analyzer of {@code title} and {@code body} (the standard tokenizer) makes of a word of
 * the query, estimated without asking it: a run of letters or digits is one term, but every Chinese character and
 * every hiragana is a term of its own (Unicode's word boundaries put none between them). A query's cost and
 * Elasticsearch's limit on clauses grow with the terms, not with the words a journalist sees: one "word" of 1,000
 * Chinese characters is 1,000 terms.
 */
public final class AnalyzedTerms {
    private AnalyzedTerms() {}

    /** Whether the analyzer makes a term of this character alone. */
    static boolean ideograph(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA;
    }

    /** The terms of {@code text}. */
    public static int of(String text) {
        return prefixWithin(text, Integer.MAX_VALUE).terms();
    }

    /** The longest start of {@code word} (in chars) that makes at most {@code budget} terms, and their number. */
    record Prefix(int length, int terms) {}

    static Prefix prefixWithin(String word, int budget) {
        int terms = 0;
        boolean inRun = false;
        int i = 0;
        while (i < word.length()) {
            int codePoint = word.codePointAt(i);
            int cost;
            if (ideograph(codePoint)) {
                cost = 1;
                inRun = false;
            } else if (Character.isLetterOrDigit(codePoint)) {
                cost = inRun ? 0 : 1;
                inRun = true;
            } else {
                cost = 0;
                inRun = false;
            }
            if (terms + cost > budget) {
                return new Prefix(i, terms);
            }
            terms += cost;
            i += Character.charCount(codePoint);
        }
        return new Prefix(word.length(), terms);
    }
}
