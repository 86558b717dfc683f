package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.util.List;
import org.clipfile.search.query.JournalistQuery;

/**
 * Builds the Elasticsearch request for a search. Pure: no I/O, tested by the JSON it produces. {@code q} is parsed by
 * the journalists' query language ({@link JournalistQuery}): user text only ever becomes the text of match, term or
 * prefix queries, never query DSL. A {@code q} that cannot be parsed makes {@link #search} throw
 * {@link org.clipfile.search.query.QuerySyntaxException}, which the web layer answers with a 400 problem.
 */
public final class SearchRequestFactory {
    static final List<String> RESULT_FIELDS =
            List.of("id", "title", "published", "source", "section", "tags", "url");
    static final int SNIPPET_LENGTH = 180;

    private SearchRequestFactory() {}

    public static SearchRequest search(String index, SearchParameters parameters) {
        return SearchRequest.of(s -> {
            s.index(index)
                    .from(parameters.from())
                    .size(parameters.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                    .query(query(parameters));
            if (parameters.hasQuery()) {
                s.highlight(h -> h
                        .type(HighlighterType.Unified)
                        .encoder(HighlighterEncoder.Html)
                        .preTags("<mark>")
                        .postTags("</mark>")
                        .fields(NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1)
                                .noMatchSize(SNIPPET_LENGTH)
                                .matchedFields("body", "body.folded"))))
                        .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0)
                                .matchedFields("title", "title.folded")))));
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            } else {
                s.highlight(h -> h
                        .encoder(HighlighterEncoder.Html)
                        .fields(NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1)
                                .noMatchSize(SNIPPET_LENGTH)))));
            }
            s.sort(o -> o.field(f -> f.field("published").order(SortOrder.Desc).missing("_last")));
            return s;
        });
    }

    static Query query(SearchParameters parameters) {
        if (!parameters.hasQuery()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return JournalistQuery.parse(parameters.q()).query();
    }
}
