package org.clipfile.search.query;

/**
 * Limits that keep one query from hurting the cluster. Each one is reported to the journalist with its own message.
 *
 * @param maxLength characters in the whole query (at most 100,000)
 * @param maxDepth levels of nested parentheses (at most 12: a level adds up to two bool queries, and Elasticsearch
 *     refuses bool queries nested deeper than 30 by default)
 * @param maxClauses words, phrases, prefixes and fuzzy words in the whole query
 * @param minPrefixLength letters or digits before a {@code *}
 * @param maxFuzzyEdits edits after a {@code ~} on a word (Elasticsearch allows at most 2)
 * @param maxProximity words allowed between the words of {@code "words near"~N}
 * @param maxIdeographs Chinese characters and hiragana in the whole query: each is a term of its own for
 *     Elasticsearch ({@link AnalyzedTerms}), so 1,000 of them weigh what 1,000 words do (a clause per field each)
 */
public record QueryLimits(int maxLength, int maxDepth, int maxClauses, int minPrefixLength, int maxFuzzyEdits,
        int maxProximity, int maxIdeographs) {

    public static final QueryLimits DEFAULT = new QueryLimits(4000, 10, 64, 3, 2, 50, 1000);

    /** Without a limit of its own on Chinese characters and hiragana (only the length's). */
    public QueryLimits(int maxLength, int maxDepth, int maxClauses, int minPrefixLength, int maxFuzzyEdits,
            int maxProximity) {
        this(maxLength, maxDepth, maxClauses, minPrefixLength, maxFuzzyEdits, maxProximity, maxLength);
    }

    public QueryLimits {
        require(maxLength, 1, 100_000, "maxLength");
        require(maxDepth, 1, 12, "maxDepth");
        require(maxClauses, 1, 1024, "maxClauses");
        require(minPrefixLength, 1, 100, "minPrefixLength");
        require(maxFuzzyEdits, 1, 2, "maxFuzzyEdits");
        require(maxProximity, 0, 1000, "maxProximity");
        require(maxIdeographs, 1, 100_000, "maxIdeographs");
    }

    private static void require(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }
}
