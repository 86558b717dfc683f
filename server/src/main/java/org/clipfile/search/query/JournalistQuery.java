package org.clipfile.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.clipfile.search.query.QueryNode.And;
import org.clipfile.search.query.QueryNode.Not;
import org.clipfile.search.query.QueryNode.Or;
import org.clipfile.search.query.QueryNode.Phrase;
import org.clipfile.search.query.QueryNode.Word;
import org.clipfile.search.query.QueryNode.Term;
import org.jspecify.annotations.Nullable;

/**
 * A journalist's {@code q}, parsed and translated: the entry point for the search endpoints.
 *
 * @param syntax the parsed tree
 * @param query what to send to Elasticsearch
 * @param highlightTerms the words, phrases and prefixes (without {@code *}) the article text must or may contain,
 *     in query order, without the excluded ones and those of the person/group/place/source scopes
 * @param relaxed the query's words are relaxed (more than {@link QueryTranslator#STRICT_WORDS} and no explicit
 *     {@code AND}): a hit has them all when the clause {@link QueryTranslator#ALL_WORDS} matched it
 */
public record JournalistQuery(QueryNode syntax, Query query, List<String> highlightTerms, boolean relaxed) {

    public JournalistQuery {
        highlightTerms = List.copyOf(highlightTerms);
    }

    /**
     * The text of a query made only of plain words and phrases of the article text (no scope, operator or
     * exclusion), for also matching it as a name in another romanisation; empty for any other query.
     */
    public Optional<String> plainText() {
        List<String> texts = new ArrayList<>();
        List<QueryNode> clauses = syntax instanceof And and ? and.clauses() : List.of(syntax);
        for (QueryNode clause : clauses) {
            if (clause instanceof Word word && word.scope() == Scope.TEXT) {
                texts.add(word.text());
            } else if (clause instanceof Phrase phrase && phrase.scope() == Scope.TEXT) {
                texts.add(phrase.text());
            } else {
                return Optional.empty();
            }
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", texts));
    }

    /** Parses with the default limits and no name normalization. A blank or missing query matches everything. */
    public static JournalistQuery parse(@Nullable String q) {
        return parse(q, QueryLimits.DEFAULT, UnaryOperator.identity());
    }

    /** @throws QuerySyntaxException when the query cannot be searched as written */
    public static JournalistQuery parse(@Nullable String q, QueryLimits limits, UnaryOperator<String> nameNormalizer) {
        return parse(q, limits, nameNormalizer, QueryTranslator.STRICT_WORDS);
    }

    /**
     * @param strictWords how many plain words are all required before they relax (evaluations compare other
     *     thresholds; the service uses {@link QueryTranslator#STRICT_WORDS})
     */
    public static JournalistQuery parse(@Nullable String q, QueryLimits limits, UnaryOperator<String> nameNormalizer,
            int strictWords) {
        String text = q == null ? "" : q;
        QueryNode syntax = new QueryParser(limits).parse(text);
        Set<String> terms = new LinkedHashSet<>();
        collectPositiveText(syntax, terms);
        // An explicit AND asks for every word, however many.
        boolean strict = QueryLexer.tokenize(text).stream().anyMatch(t -> t.kind() == QueryLexer.Kind.AND);
        QueryTranslator translator = new QueryTranslator(nameNormalizer, strict, strictWords);
        Query query = translator.translateQuery(syntax);
        return new JournalistQuery(syntax, query, List.copyOf(terms), translator.relaxed());
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
