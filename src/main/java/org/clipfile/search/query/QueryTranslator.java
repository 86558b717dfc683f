package org.clipfile.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
 * </ul>
 */
public final class QueryTranslator {
    static final List<String> TEXT_FIELDS = List.of("title^3", "title.folded^2", "body", "body.folded");
    static final List<String> TITLE_FIELDS = List.of("title^3", "title.folded^2");
    static final List<String> EXACT_TEXT_FIELDS = List.of("title.folded^2", "body.folded");
    static final String EXACT_TITLE = "title.folded";
    static final String EXACT_BODY = "body.folded";
    static final float TITLE_BOOST = 2f;
    static final String SOURCE = "source";

    private final UnaryOperator<String> nameNormalizer;

    public QueryTranslator() {
        this(UnaryOperator.identity());
    }

    /** @param nameNormalizer applied to the text of person:, group: and place: terms (e.g. transliteration) */
    public QueryTranslator(UnaryOperator<String> nameNormalizer) {
        this.nameNormalizer = nameNormalizer;
    }

    public Query translate(QueryNode node) {
        return switch (node) {
            case All all -> Query.of(q -> q.matchAll(m -> m));
            case And and -> and(and.clauses());
            case Or or -> or(or.clauses());
            case Not not -> everythingExcept(List.of(translate(not.clause())));
            case Term term -> term(term);
        };
    }

    private Query and(List<QueryNode> clauses) {
        List<Query> mustNot = new ArrayList<>();
        List<QueryNode> positive = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (clause instanceof Not not) {
                mustNot.add(translate(not.clause()));
            } else {
                positive.add(clause);
            }
        }
        List<Query> must = withWordsGrouped(positive, Operator.And);
        if (must.isEmpty()) {
            return everythingExcept(mustNot);
        }
        if (must.size() == 1 && mustNot.isEmpty()) {
            return must.getFirst();
        }
        return Query.of(q -> q.bool(b -> mustNot.isEmpty() ? b.must(must) : b.must(must).mustNot(mustNot)));
    }

    private Query or(List<QueryNode> clauses) {
        List<Query> should = withWordsGrouped(clauses, Operator.Or);
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
    private List<Query> withWordsGrouped(List<QueryNode> clauses, Operator operator) {
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
                if (group != null) {
                    queries.add(words(((Word) clause).scope(), String.join(" ", group), operator));
                }
            }
        }
        return queries;
    }

    private static boolean isGroupedWord(QueryNode clause) {
        return clause instanceof Word word && (word.scope() == Scope.TEXT || word.scope() == Scope.TITLE);
    }

    private Query term(Term term) {
        if (term.scope().isName()) {
            return name(term, nameField(term.scope()), nameNormalizer.apply(term.text()));
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

    private static Query near(String field, Near near, @Nullable Float boost) {
        return Query.of(q -> q.intervals(i -> i.field(field).boost(boost)
                .match(m -> m.query(near.text()).maxGaps(near.maxGaps()).ordered(false))));
    }

    /** A name is matched as a phrase, so that its words stay together and in order. */
    private static Query name(Term term, String field, String text) {
        return switch (term) {
            case Word word -> Query.of(q -> q.matchPhrase(m -> m.field(field).query(text)));
            case Phrase phrase -> Query.of(q -> q.matchPhrase(m -> m.field(field).query(text)));
            case Near near -> Query.of(q -> q.intervals(i -> i.field(field)
                    .match(m -> m.query(text).maxGaps(near.maxGaps()).ordered(false))));
            case Prefix prefix -> Query.of(q -> q.matchBoolPrefix(m -> m.field(field).query(text)
                    .operator(Operator.And)));
            case Fuzzy fuzzy -> Query.of(q -> q.match(m -> m.field(field).query(text).fuzziness(fuzziness(fuzzy))
                    .operator(Operator.And)));
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
