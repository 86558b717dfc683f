package org.clipfile.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.clipfile.search.query.QueryNode.And;
import org.clipfile.search.query.QueryNode.Not;
import org.clipfile.search.query.QueryNode.Or;
import org.clipfile.search.query.QueryNode.Term;
import org.jspecify.annotations.Nullable;

/**
 * A journalist's {@code q}, parsed and translated: the entry point for the search endpoints.
 *
 * @param syntax the parsed tree
 * @param query what to send to Elasticsearch
 * @param highlightTerms the words, phrases and prefixes (without {@code *}) the article text must or may contain,
 *     in query order, without the excluded ones and those of the person/group/place/source scopes
 */
public record JournalistQuery(QueryNode syntax, Query query, List<String> highlightTerms) {

    public JournalistQuery {
        highlightTerms = List.copyOf(highlightTerms);
    }

    /** Parses with the default limits and no name normalization. A blank or missing query matches everything. */
    public static JournalistQuery parse(@Nullable String q) {
        return parse(q, QueryLimits.DEFAULT, UnaryOperator.identity());
    }

    /** @throws QuerySyntaxException when the query cannot be searched as written */
    public static JournalistQuery parse(@Nullable String q, QueryLimits limits, UnaryOperator<String> nameNormalizer) {
        QueryNode syntax = new QueryParser(limits).parse(q == null ? "" : q);
        Set<String> terms = new LinkedHashSet<>();
        collectPositiveText(syntax, terms);
        return new JournalistQuery(syntax, new QueryTranslator(nameNormalizer).translate(syntax), List.copyOf(terms));
    }

    private static void collectPositiveText(QueryNode node, Set<String> terms) {
        switch (node) {
            case And and -> and.clauses().forEach(c -> collectPositiveText(c, terms));
            case Or or -> or.clauses().forEach(c -> collectPositiveText(c, terms));
            case Term term when term.scope() == Scope.TEXT || term.scope() == Scope.TITLE -> terms.add(term.text());
            case Not not -> { }
            default -> { }
        }
    }
}
