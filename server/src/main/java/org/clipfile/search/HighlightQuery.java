package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.MultiMatchQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query that marks a hit's words, for a query of plain words: the journalist's query with the exact-word
 * {@code .folded} fields left out of every word query that also searches the stemmed field they shadow.
 *
 * <p>Plain words search the stemmed {@code title} and {@code body} and their {@code .folded} copies (lower case,
 * no accents, nothing dropped). Both fold case and accents, so what the folded field would mark the stemmed one marks
 * too, apart from stop words, which are no marks worth having. The unified highlighter, though, pays for every field
 * of the highlight query: with the folded fields it spent about 4 ms more of Elasticsearch's CPU per page of 20 hits
 * on Reuters, for the same marks (1,579 hits of 156 queries compared, none different: docs/search-speed.md).
 */
final class HighlightQuery {
    /** The stemmed fields whose {@code .folded} copy adds nothing to the marks of plain words. */
    private static final Set<String> STEMMED = Set.of("title", "body");

    private HighlightQuery() {}

    /** {@code query} without the folded fields that shadow a stemmed field in the same word query. */
    static Query stemmedOnly(Query query) {
        if (query.isBool()) {
            BoolQuery bool = query.bool();
            return Query.of(q -> q.bool(b -> {
                if (!bool.must().isEmpty()) {
                    b.must(each(bool.must()));
                }
                if (!bool.should().isEmpty()) {
                    b.should(each(bool.should()));
                }
                if (!bool.filter().isEmpty()) {
                    b.filter(each(bool.filter()));
                }
                if (!bool.mustNot().isEmpty()) {
                    b.mustNot(each(bool.mustNot()));
                }
                if (bool.minimumShouldMatch() != null) {
                    b.minimumShouldMatch(bool.minimumShouldMatch());
                }
                if (bool.boost() != null) {
                    b.boost(bool.boost());
                }
                if (bool.queryName() != null) {
                    b.queryName(bool.queryName());
                }
                return b;
            }));
        }
        if (query.isConstantScore()) {
            var constant = query.constantScore();
            return Query.of(q -> q.constantScore(c -> {
                c.filter(stemmedOnly(constant.filter()));
                if (constant.boost() != null) {
                    c.boost(constant.boost());
                }
                if (constant.queryName() != null) {
                    c.queryName(constant.queryName());
                }
                return c;
            }));
        }
        if (query.isMultiMatch()) {
            return words(query.multiMatch(), query);
        }
        return query;
    }

    private static List<Query> each(List<Query> queries) {
        List<Query> result = new ArrayList<>(queries.size());
        for (Query query : queries) {
            result.add(stemmedOnly(query));
        }
        return result;
    }

    /** A word query over stemmed and folded fields, over the stemmed ones only; anything else as it is. */
    private static Query words(MultiMatchQuery words, Query original) {
        TextQueryType type = words.type();
        if (type != null && type != TextQueryType.CrossFields && type != TextQueryType.BestFields) {
            return original;
        }
        List<String> kept = new ArrayList<>();
        for (String field : words.fields()) {
            String name = fieldName(field);
            boolean shadowing = name.endsWith(".folded") && STEMMED.contains(name.substring(0, name.length() - 7))
                    && words.fields().stream().anyMatch(f -> fieldName(f).equals(name.substring(0, name.length() - 7)));
            if (!shadowing) {
                kept.add(field);
            }
        }
        if (kept.size() == words.fields().size()) {
            return original;
        }
        return Query.of(q -> q.multiMatch(m -> {
            m.query(words.query()).fields(kept);
            if (type != null) {
                m.type(type);
            }
            if (words.operator() != null) {
                m.operator(words.operator());
            }
            if (words.minimumShouldMatch() != null) {
                m.minimumShouldMatch(words.minimumShouldMatch());
            }
            if (words.fuzziness() != null) {
                m.fuzziness(words.fuzziness());
            }
            if (words.slop() != null) {
                m.slop(words.slop());
            }
            if (words.boost() != null) {
                m.boost(words.boost());
            }
            if (words.queryName() != null) {
                m.queryName(words.queryName());
            }
            return m;
        }));
    }

    /** {@code body^1.5} is {@code body}. */
    private static String fieldName(String field) {
        int boost = field.indexOf('^');
        return boost < 0 ? field : field.substring(0, boost);
    }
}
