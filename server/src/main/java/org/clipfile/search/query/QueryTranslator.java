package org.clipfile.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.clipfile.search.query.QueryNode.All;
import org.clipfile.search.query.QueryNode.And;
import org.clipfile.search.query.QueryNode.Fuzzy;
import org.clipfile.search.query.QueryNode.Near;
import org.clipfile.search.query.QueryNode.Not;
import org.clipfile.search.query.QueryNode.Or;
import org.clipfile.search.query.QueryNode.Phrase;
import org.clipfile.search.query.QueryNode.Prefix;
import org.clipfile.search.query.QueryNode.Term;
import org.clipfile.search.query.QueryNode.Word;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link QueryNode} tree into an Elasticsearch query. Pure. User text only ever becomes the text of a
 * {@code multi_match}, {@code match*}, {@code intervals}, {@code term} or {@code prefix} query, never query syntax.
 *
 * <ul>
 *   <li>Plain words of the text (or title) scope at one level of AND are one {@code multi_match} of type
 *       {@code cross_fields} with {@code operator: and} over title and body, stemmed and folded; at one level of OR,
 *       the same with {@code operator: or}.
 *   <li>Phrases, proximity, prefixes and fuzzy words search the exact-word {@code .folded} fields.
 *   <li>person/group/place text passes through the name normalizer and is matched as a name ({@code match_phrase}).
 *   <li>source values are exact, case-insensitive {@code term}/{@code prefix} queries on the keyword field.
 *   <li>Exclusions become {@code must_not}; with nothing positive beside them, of {@code match_all}.
 *   <li>More than {@link #STRICT_WORDS} plain words at the top level (and no explicit {@code AND}) are relaxed: an
 *       article needs one of them, and those with all of them (the clause named {@link #ALL_WORDS}) rank first.
 *   <li>Names rank by the salience of the entity in the article plus the name's relevance in the text.
 * </ul>
 * See docs/relevance.md for the scoring.
 */
public final class QueryTranslator {
    static final List<String> TEXT_FIELDS = List.of("title^1.5", "title.folded", "body", "body.folded");
    static final List<String> TITLE_FIELDS = List.of("title^3", "title.folded^2");
    static final List<String> EXACT_TEXT_FIELDS = List.of("title.folded^2", "body.folded");
    static final String EXACT_TITLE = "title.folded";
    static final String EXACT_BODY = "body.folded";
    /** Where a scoped name counts as words of the text, for ranking. */
    static final List<String> NAME_TEXT_FIELDS = List.of("title^2", "body");
    static final float TITLE_BOOST = 2f;
    static final String SOURCE = "source";
    /** Top-level plain words up to this many are all required; more are relaxed (see the class comment). */
    public static final int STRICT_WORDS = 3;
    /** The name of the clause that matches the articles having every word of a relaxed query. */
    public static final String ALL_WORDS = "all_words";
    /** Added to the score of articles with every word of a relaxed query: above any text score, so they come first. */
    static final float ALL_WORDS_TIER = 10_000f;
    /**
     * Terms of a relaxed query searched ({@link AnalyzedTerms}: a word, or a Chinese character): the first ones of a
     * longer text (a pasted page of 4,000 characters holds 600 or more). Each term is a clause per field, twice (scored,
     * and in {@link #ALL_WORDS}), and Elasticsearch refuses a query of more clauses than its {@code maxClauseCount}
     * (8,192 on a node of 512 MB of heap): 300 terms are about 2,400. A news text says what it is about first; the
     * longest CISI requests (pasted abstracts of 2,400 characters) hold about 220 such words.
     */
    public static final int MOST_RELAXED_TERMS = 300;
    /** Words of a query at most this far apart (other words between them) raise the score. */
    static final int PROXIMITY_SLOP = 3;
    static final float PROXIMITY_BOOST = 1f;
    /** Where words close together raise the score (see {@link #proximity}). */
    static final List<String> PROXIMITY_FIELDS = List.of("title^3");
    /**
     * Words that say how a question is asked, not what it is about ("what did opec decide about oil quotas"), with the
     * English stop words the {@code title} and {@code body} analyzer drops: left out of the plain words at the top
     * level when other words remain, so they are neither required nor scored. Measured on natural-language requests
     * (docs/relevance.md): required, they put articles that happen to contain "what" first.
     */
    static final Set<String> FUNCTION_WORDS = Set.of(
            // the analyzer's _english_ stop words
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "will", "with",
            // question and auxiliary words, pronouns, vague quantifiers ("may" is a month, "us" a country: kept)
            "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "do", "does", "did", "can",
            "could", "would", "should", "must", "might", "shall", "has", "have", "had", "been", "being", "were", "am",
            "about", "any", "some", "i", "we", "me", "my", "our", "you", "your", "so", "than", "also", "its", "his",
            "her", "from", "all", "other", "more", "most", "very");
    /** Punctuation at either end of a word, ignored when telling function words. */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    /** The nested documents holding each entity's salience (see Article#entitySalience). */
    public static final String SALIENCE = "entity_salience";

    private final UnaryOperator<String> nameNormalizer;
    private final boolean strict;
    private final int strictWords;
    private boolean relaxed;
    /** Inside an exclusion: only matching counts, so scoring clauses are left out. */
    private int excluded;

    public QueryTranslator() {
        this(UnaryOperator.identity());
    }

    /** @param nameNormalizer applied to the text of person:, group: and place: terms (e.g. transliteration) */
    public QueryTranslator(UnaryOperator<String> nameNormalizer) {
        this(nameNormalizer, false);
    }

    /** @param strict every plain word is required, however many (the query has an explicit {@code AND}) */
    public QueryTranslator(UnaryOperator<String> nameNormalizer, boolean strict) {
        this(nameNormalizer, strict, STRICT_WORDS);
    }

    /** @param strictWords plain words up to this many are all required; more are relaxed */
    public QueryTranslator(UnaryOperator<String> nameNormalizer, boolean strict, int strictWords) {
        this.nameNormalizer = nameNormalizer;
        this.strict = strict;
        this.strictWords = strictWords;
    }

    /** True once a translation relaxed its words: hits then tell by {@link #ALL_WORDS} whether they have all. */
    public boolean relaxed() {
        return relaxed;
    }

    public Query translate(QueryNode node) {
        return switch (node) {
            case All all -> Query.of(q -> q.matchAll(m -> m));
            case And and -> and(and.clauses(), false);
            case Or or -> or(or.clauses());
            case Not not -> everythingExcept(List.of(excluded(not.clause())));
            case Term term -> term(term);
        };
    }

    private Query excluded(QueryNode clause) {
        excluded++;
        try {
            return translate(clause);
        } finally {
            excluded--;
        }
    }

    /** The whole query: as {@link #translate}, but the plain words of its top level may be relaxed. */
    public Query translateQuery(QueryNode node) {
        return node instanceof And and ? and(and.clauses(), true) : translate(node);
    }

    private Query and(List<QueryNode> clauses, boolean top) {
        List<Query> mustNot = new ArrayList<>();
        List<QueryNode> positive = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (clause instanceof Not not) {
                mustNot.add(excluded(not.clause()));
            } else {
                positive.add(clause);
            }
        }
        List<Query> must = withWordsGrouped(positive, Operator.And, top && !strict);
        if (must.isEmpty()) {
            return everythingExcept(mustNot);
        }
        if (must.size() == 1 && mustNot.isEmpty()) {
            return must.getFirst();
        }
        return Query.of(q -> q.bool(b -> mustNot.isEmpty() ? b.must(must) : b.must(must).mustNot(mustNot)));
    }

    private Query or(List<QueryNode> clauses) {
        List<Query> should = withWordsGrouped(clauses, Operator.Or, false);
        if (should.size() == 1) {
            return should.getFirst();
        }
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    private static Query everythingExcept(List<Query> excluded) {
        return Query.of(q -> q.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(excluded)));
    }

    /**
     * Translates the clauses, with the plain words of the text and the title scopes gathered into one
     * {@code multi_match} per scope, where the first of them stood.
     */
    private List<Query> withWordsGrouped(List<QueryNode> clauses, Operator operator, boolean mayRelax) {
        Map<Scope, List<String>> words = new LinkedHashMap<>();
        for (QueryNode clause : clauses) {
            if (isGroupedWord(clause)) {
                words.computeIfAbsent(((Word) clause).scope(), s -> new ArrayList<>()).add(((Word) clause).text());
            }
        }
        List<Query> queries = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (!isGroupedWord(clause)) {
                queries.add(translate(clause));
            } else {
                List<String> group = words.remove(((Word) clause).scope());
                // Relaxed or strict by the words as typed; required and scored, the words that say what about.
                if (group != null && mayRelax && group.size() > strictWords) {
                    relaxed = true;
                    queries.add(relaxedWords(((Word) clause).scope(), firstTerms(contentWords(group))));
                } else if (group != null && mayRelax && group.size() > 1 && excluded == 0) {
                    queries.add(rankedWords(((Word) clause).scope(), contentWords(group)));
                } else if (group != null) {
                    queries.add(words(((Word) clause).scope(), String.join(" ", group), operator));
                }
            }
        }
        return queries;
    }

    /**
     * The words without {@link #FUNCTION_WORDS} (punctuation around a word aside: "What," and "how?" are function
     * words); all of them when nothing else would remain. Among words in lower case, one in capitals is an acronym and
     * kept ("what did WHO say about vaccines"); in a query all in capitals, nothing tells them apart.
     */
    public static List<String> contentWords(List<String> words) {
        boolean mixedCase = words.stream().anyMatch(w -> w.chars().anyMatch(Character::isLowerCase));
        List<String> content = words.stream()
                .filter(w -> (mixedCase && isAcronym(w)) || !FUNCTION_WORDS.contains(
                        EDGE_PUNCTUATION.matcher(w.toLowerCase(Locale.ROOT)).replaceAll("")))
                .toList();
        return content.isEmpty() ? words : content;
    }

    /** The first words making at most {@link #MOST_RELAXED_TERMS} terms, the last one cut to fit if need be. */
    static List<String> firstTerms(List<String> words) {
        List<String> kept = new ArrayList<>();
        int budget = MOST_RELAXED_TERMS;
        for (String word : words) {
            AnalyzedTerms.Prefix prefix = AnalyzedTerms.prefixWithin(word, budget);
            if (prefix.length() > 0 && prefix.terms() > 0) {
                kept.add(word.substring(0, prefix.length()));
            }
            budget -= prefix.terms();
            if (prefix.length() < word.length() || budget == 0) {
                break;
            }
        }
        return kept.isEmpty() ? words.subList(0, 1) : kept;
    }

    private static boolean isAcronym(String word) {
        return word.codePoints().filter(Character::isLetter).count() >= 2
                && word.codePoints().noneMatch(Character::isLowerCase);
    }

    private static boolean isGroupedWord(QueryNode clause) {
        return clause instanceof Word word && (word.scope() == Scope.TEXT || word.scope() == Scope.TITLE);
    }

    private Query term(Term term) {
        if (term.scope().isName()) {
            String text = nameNormalizer.apply(term.text());
            Query match = name(term, nameField(term.scope()), text);
            return excluded > 0 ? match : salient(term, match, text);
        }
        if (term.scope() == Scope.SOURCE) {
            return source(term);
        }
        boolean title = term.scope() == Scope.TITLE;
        return switch (term) {
            case Word word -> words(term.scope(), word.text(), Operator.And);
            case Phrase phrase -> title
                    ? Query.of(q -> q.matchPhrase(m -> m.field(EXACT_TITLE).query(phrase.text())))
                    : Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(EXACT_TEXT_FIELDS)
                            .query(phrase.text())));
            case Near near -> title
                    ? near(EXACT_TITLE, near, null)
                    : Query.of(q -> q.bool(b -> b
                            .should(near(EXACT_TITLE, near, TITLE_BOOST), near(EXACT_BODY, near, null))
                            .minimumShouldMatch("1")));
            case Prefix prefix -> title
                    ? Query.of(q -> q.matchBoolPrefix(m -> m.field(EXACT_TITLE).query(prefix.text())
                            .operator(Operator.And)))
                    : Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.BoolPrefix).fields(EXACT_TEXT_FIELDS)
                            .query(prefix.text()).operator(Operator.And)));
            case Fuzzy fuzzy -> title
                    ? Query.of(q -> q.match(m -> m.field(EXACT_TITLE).query(fuzzy.text())
                            .fuzziness(fuzziness(fuzzy)).operator(Operator.And)))
                    : Query.of(q -> q.multiMatch(m -> m.fields(EXACT_TEXT_FIELDS).query(fuzzy.text())
                            .fuzziness(fuzziness(fuzzy)).operator(Operator.And)));
        };
    }

    private static Query words(Scope scope, String text, Operator operator) {
        List<String> fields = scope == Scope.TITLE ? TITLE_FIELDS : TEXT_FIELDS;
        return Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.CrossFields).fields(fields).query(text)
                .operator(operator)));
    }

    /**
     * More than {@link #STRICT_WORDS} words: an article needs one of them; the articles with all of them get
     * {@link #ALL_WORDS_TIER} (so they come first, and the hit says so by the clause's name), and the others rank by
     * BM25 over the words they have, which favours those with most of them. No proximity clauses: on
     * natural-language requests the phrase pairs lowered MAP by about 0.03 and cost a phrase query each.
     */
    private static Query relaxedWords(Scope scope, List<String> group) {
        String text = String.join(" ", group);
        List<String> fields = scope == Scope.TITLE ? TITLE_FIELDS : TEXT_FIELDS;
        Query allWords = Query.of(q -> q.constantScore(c -> c.filter(words(scope, text, Operator.And))
                .boost(ALL_WORDS_TIER).queryName(ALL_WORDS)));
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.multiMatch(mm -> mm.type(TextQueryType.CrossFields).fields(fields).query(text)
                        .operator(Operator.Or)))
                .should(allWords)));
    }

    /**
     * Every word of a short query required; the words close together in the title raise the score (see
     * {@link #proximity}).
     */
    private static Query rankedWords(Scope scope, List<String> group) {
        Query all = words(scope, String.join(" ", group), Operator.And);
        if (group.size() < 2) {
            return all;
        }
        return Query.of(q -> q.bool(b -> b.must(all).should(proximity(String.join(" ", group)))));
    }

    /**
     * These words close together in the title (stemmed, any order, up to {@link #PROXIMITY_SLOP} words apart): for
     * scoring. Not in the body: checking positions in every matching body was most of a short query's extra time, and
     * on Reuters' topics the title alone ranked better (docs/relevance.md, "Latency").
     */
    static Query proximity(String text) {
        return Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(PROXIMITY_FIELDS).query(text)
                .slop(PROXIMITY_SLOP).boost(PROXIMITY_BOOST)));
    }

    private static Query near(String field, Near near, @Nullable Float boost) {
        return Query.of(q -> q.intervals(i -> i.field(field).boost(boost)
                .match(m -> m.query(near.text()).maxGaps(near.maxGaps()).ordered(false))));
    }

    /**
     * An article matches a name scope by the name (unscored); it ranks by the salience of the entity so named in the
     * article (nested documents of {@link #SALIENCE}, the highest one that matches: 0 to 1, added as it is) plus the
     * relevance of the name as words of the text. The clause once carried a {@code boost} of 10, which Elasticsearch
     * 9.5.3 ignores on a {@code nested} query around a {@code function_score} in {@code replace} mode (the scores are
     * the same with and without it, checked on the Reuters index): every figure of docs/relevance.md was measured at
     * weight 1, and a real weight of 10 ranked no better there, so none is asked for.
     */
    private static Query salient(Term term, Query match, String key) {
        String scope = term.scope().prefix();
        Query inEntity = name(term, SALIENCE + ".names", key);
        Query salience = Query.of(q -> q.nested(n -> n.path(SALIENCE).ignoreUnmapped(true)
                .scoreMode(ChildScoreMode.Max)
                .query(inner -> inner.functionScore(f -> f
                        .query(fq -> fq.bool(b -> b.filter(t -> t.term(tt -> tt.field(SALIENCE + ".type").value(scope)))
                                .filter(inEntity)))
                        .functions(fn -> fn.fieldValueFactor(v -> v.field(SALIENCE + ".value").missing(0.0)))
                        .boostMode(FunctionBoostMode.Replace)))));
        List<Query> should = new ArrayList<>();
        should.add(salience);
        if (term instanceof Word || term instanceof Phrase) {
            should.add(Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(NAME_TEXT_FIELDS)
                    .query(term.text()))));
        }
        return Query.of(q -> q.bool(b -> b.filter(match).should(should)));
    }

    /**
     * The salience of the entities with these ids (a place's ancestors included) in an article, for ranking by
     * entity filters: the highest of them (0 to 1, see {@link #salient}); matches every article (scoring only).
     */
    public static Query salienceOf(List<String> ids) {
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.nested(n -> n.path(SALIENCE).ignoreUnmapped(true)
                .scoreMode(ChildScoreMode.Max)
                .query(inner -> inner.functionScore(f -> f
                        .query(fq -> fq.terms(t -> t.field(SALIENCE + ".ids").terms(v -> v.value(values))))
                        .functions(fn -> fn.fieldValueFactor(v -> v.field(SALIENCE + ".value").missing(0.0)))
                        .boostMode(FunctionBoostMode.Replace)))));
    }

    /**
     * A name is matched as a phrase, so that its words stay together and in order, by its key ({@code <field>.key},
     * keyed by the index's {@code name_key} analyzer: "Abd al-Rahman" finds "Abdel Rahman", "Reagan" not "Regan") or
     * as written ({@code <field>}: what an index not yet re-indexed with keys still matches; prefixes and fuzzy
     * words mean the spelling as written).
     */
    private static Query name(Term term, String field, String text) {
        List<String> fields = List.of(field + ".key", field);
        return switch (term) {
            case Word word -> Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(fields).query(text)));
            case Phrase phrase -> Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(fields)
                    .query(text)));
            case Near near -> Query.of(q -> q.bool(b -> {
                fields.forEach(f -> b.should(s -> s.intervals(i -> i.field(f)
                        .match(m -> m.query(text).maxGaps(near.maxGaps()).ordered(false)))));
                return b.minimumShouldMatch("1");
            }));
            case Prefix prefix -> Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.BoolPrefix).fields(fields)
                    .query(text).operator(Operator.And)));
            case Fuzzy fuzzy -> Query.of(q -> q.multiMatch(m -> m.fields(fields).query(text)
                    .fuzziness(fuzziness(fuzzy)).operator(Operator.And)));
        };
    }

    private static Query source(Term term) {
        return switch (term) {
            case Word word -> sourceTerm(word.text());
            case Phrase phrase -> sourceTerm(phrase.text());
            case Prefix prefix -> Query.of(q -> q.prefix(p -> p.field(SOURCE).value(prefix.text())
                    .caseInsensitive(true)));
            case Near near -> throw new IllegalArgumentException("source: takes no proximity: " + near);
            case Fuzzy fuzzy -> throw new IllegalArgumentException("source: takes no fuzziness: " + fuzzy);
        };
    }

    private static Query sourceTerm(String value) {
        return Query.of(q -> q.term(t -> t.field(SOURCE).value(value).caseInsensitive(true)));
    }

    private static String nameField(Scope scope) {
        return switch (scope) {
            case PERSON -> "people_names";
            case GROUP -> "groups_names";
            case PLACE -> "places_names";
            default -> throw new IllegalArgumentException("not a name scope: " + scope);
        };
    }

    private static String fuzziness(Fuzzy fuzzy) {
        return fuzzy.edits() == null ? "AUTO" : Integer.toString(fuzzy.edits());
    }
}
