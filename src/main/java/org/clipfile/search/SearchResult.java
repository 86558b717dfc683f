package org.clipfile.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of results; {@code total} is exact (-1 on cursor pages after the first, which do not count again).
 * Facets are keyed by their parameter name; the place facet's values are countries with their regions and cities as
 * {@code children}. {@code cursor} continues a deep walk (requested with {@code cursor=}).
 */
public record SearchResult(
        long total,
        int page,
        int size,
        List<SearchHit> hits,
        Map<String, FacetCounts> facets,
        DateHistogram dates,
        @Nullable String cursor) {

    /** The values of one facet under the other facets' selections. {@code other}: documents in values not shown. */
    public record FacetCounts(List<FacetValue> values, long other) {}

    public record FacetValue(String value, String label, long count, boolean selected, boolean excluded,
            List<FacetValue> children) {}

    public record DateHistogram(String interval, List<DateBucket> buckets) {}

    public record DateBucket(String start, long count) {}
}
