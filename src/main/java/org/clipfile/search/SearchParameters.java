package org.clipfile.search;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A validated search.
 *
 * @param q the query in the journalists' language, blank for everything
 * @param selections the facet values selected and excluded, per facet
 * @param publishedFrom published at or after, inclusive
 * @param publishedTo published before, exclusive
 * @param sort the order of results
 * @param page 1-based page number (ignored with a cursor)
 * @param size results per page
 * @param facetSize values per facet
 * @param bbox only articles naming a place inside this map rectangle; null for anywhere
 * @param ids only these articles (a collection's, {@code collection=}); null for all, empty for none
 */
public record SearchParameters(
        @Nullable String q,
        Map<Facet, Selection> selections,
        @Nullable Instant publishedFrom,
        @Nullable Instant publishedTo,
        Sort sort,
        int page,
        int size,
        int facetSize,
        @Nullable BoundingBox bbox,
        @Nullable List<String> ids) {

    public enum Sort {
        relevance,
        newest,
        oldest
    }

    public SearchParameters {
        selections = selections.isEmpty() ? Map.of() : new EnumMap<>(selections);
        ids = ids == null ? null : List.copyOf(ids);
    }

    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize, @Nullable BoundingBox bbox) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox, null);
    }

    /** A search anywhere on the map. */
    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, null, null);
    }

    /** The same search restricted to these articles. */
    public SearchParameters withIds(@Nullable List<String> onlyIds) {
        return new SearchParameters(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox,
                onlyIds);
    }

    /** A plain search: a query, first results, default facets. */
    public static SearchParameters of(@Nullable String q, int page, int size) {
        return new SearchParameters(q, Map.of(), null, null, Sort.relevance, page, size, 10);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    public boolean hasDateRange() {
        return publishedFrom != null || publishedTo != null;
    }
}
