package org.clipfile.saved;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.clipfile.collections.CollectionService;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.web.SearchQueryStrings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a saved search's query string into a search with the rules of {@code GET /api/search}, and adds the
 * window of ingest times it is checked over.
 */
@Component
class SavedSearchQueries {
    private final CollectionService collections;

    SavedSearchQueries(CollectionService collections) {
        this.collections = collections;
    }

    /** The search; a {@code collection=} is resolved as its owner may see it. Bad input: a 400 problem. */
    SearchParameters parameters(String queryString, String owner, boolean admin) {
        return SearchQueryStrings.parse(queryString, id -> {
            try {
                return collections.articleIds(id, owner, admin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The articles matching the search and ingested in {@code [from, to)} ({@code to} open when null). */
    static Query ingestedBetween(SearchParameters parameters, Instant from, @Nullable Instant to) {
        Query search = SearchRequestFactory.filteredQuery(parameters);
        return Query.of(q -> q.bool(b -> b
                .filter(search)
                .filter(f -> f.range(r -> r.date(d -> {
                    d.field("ingested_at").gte(from.toString());
                    if (to != null) {
                        d.lt(to.toString());
                    }
                    return d;
                })))));
    }

    static final List<String> FEED_FIELDS = List.of("id", "title", "published", "source", "url", "ingested_at");
}
