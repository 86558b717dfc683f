package org.clipfile.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of results; {@code total} is exact (-1 on cursor pages after the first, which do not count again).
 * Facets are keyed by their parameter name; the place facet's values are countries with their regions and cities as
 * {@code children}. {@code cursor} continues a deep walk (requested with {@code cursor=}). {@code matched} says how
 * the query's words matched the first hit: {@code all} of them, or, for a query of more than three plain words
 * that no article has all of, {@code most} (see docs/relevance.md); null without a query or hits.
 */
public record SearchResult(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, FacetCounts> facets,
        DateHistogram dates,
        @Nullable String cursor,
        @Nullable String matched) {

    public SearchResult(long total, int page, int size, List<SearchHit> hits, Map<String, FacetCounts> facets,
            DateHistogram dates, @Nullable String cursor) {
        this(total, page, size, hits, facets, dates, cursor, null);
    }

    /** The first hit has every word of the query. */
    public static final String MATCHED_ALL = "all";
    /** No article has every word of a long query: the hits have most of them. */
    public static final String MATCHED_MOST = "most";

    /**
     * The values of one facet under the other facets' selections. {@code other}: articles in values not shown.
     * {@code counts}: what each value's {@code count} is, {@value #ARTICLES} or {@value #STORIES} (distinct clusters of
     * copies, {@code count=stories}).
     */
    public record FacetCounts(List<FacetValue> values, long other, String counts) {
        public FacetCounts(List<FacetValue> values, long other) {
            this(values, other, ARTICLES);
        }
    }

    public static final String ARTICLES = "articles";
    public static final String STORIES = "stories";

    public record FacetValue(String value, String label, long count, boolean selected, boolean excluded,
            List<FacetValue> children) {}

    public record DateHistogram(String interval, List<DateBucket> buckets) {}

    public record DateBucket(String start, long count) {}
}
