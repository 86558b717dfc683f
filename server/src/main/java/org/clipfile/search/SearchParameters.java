package org.clipfile.search;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param counted the facets to count, by parameter name, and {@value SearchRequestFactory#DATE_FACET} for the date
 *     histogram; null for all of them (a client that shows only some asks only for those)
 * @param ids only these articles (a collection's, {@code collection=}); null for all, empty for none
 * @param countStories facets count stories (clusters of copies, see {@code org.clipfile.copies}) instead of articles
 *     ({@code count=stories})
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
        @Nullable Set<String> counted,
        @Nullable List<String> ids,
        boolean countStories) {

    public enum Sort {
        relevance,
        newest,
        oldest
    }

    public SearchParameters {
        selections = selections.isEmpty() ? Map.of() : new EnumMap<>(selections);
        counted = counted == null ? null : Set.copyOf(counted);
        ids = ids == null ? null : List.copyOf(ids);
    }

    /** A search whose facets count articles. */
    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize, @Nullable BoundingBox bbox,
            @Nullable Set<String> counted, @Nullable List<String> ids) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox, counted, ids, false);
    }

    /** A search counting only some facets, in every article. */
    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize, @Nullable BoundingBox bbox,
            @Nullable Set<String> counted) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox, counted, null);
    }

    /** A search counting every facet, in every article. */
    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize, @Nullable BoundingBox bbox) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox, null, null);
    }

    /** A search anywhere on the map. */
    public SearchParameters(@Nullable String q, Map<Facet, Selection> selections, @Nullable Instant publishedFrom,
            @Nullable Instant publishedTo, Sort sort, int page, int size, int facetSize) {
        this(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, null, null, null);
    }

    /** The same search for other words. */
    public SearchParameters withQuery(@Nullable String query) {
        return new SearchParameters(query, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox,
                counted, ids, countStories);
    }

    /** The same search restricted to these articles. */
    public SearchParameters withIds(@Nullable List<String> onlyIds) {
        return new SearchParameters(q, selections, publishedFrom, publishedTo, sort, page, size, facetSize, bbox,
                counted, onlyIds, countStories);
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

    /** Whether the answer should count this facet. */
    public boolean counts(Facet facet) {
        return counted == null || counted.contains(facet.parameter());
    }

    /** Whether the answer should hold the date histogram. */
    public boolean countsDates() {
        return counted == null || counted.contains(SearchRequestFactory.DATE_FACET);
    }

    public boolean hasDateRange() {
        return publishedFrom != null || publishedTo != null;
    }
}
