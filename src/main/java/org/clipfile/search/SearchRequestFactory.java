package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.search.query.JournalistQuery;
import org.clipfile.search.query.QueryLimits;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Elasticsearch request for a search. Pure: no I/O, tested by the JSON it produces.
 *
 * <p>{@code q} is parsed by the journalists' query language ({@link JournalistQuery}) and is the only scoring part.
 * Facet selections are OR within a facet and AND across facets, and each facet counts with the selections of the
 * other facets only: the hits get every selection as a {@code post_filter}, and each facet's aggregation sits in a
 * {@code filter} aggregation holding the selections of the other facets. One request computes it all.
 */
public final class SearchRequestFactory {
    static final List<String> RESULT_FIELDS = List.of("id", "title", "published", "source", "section", "tags", "url",
            "byline", "language", "entities");
    static final int SNIPPET_LENGTH = 180;
    static final List<String> NAME_FIELDS = List.of("people_names", "groups_names", "places_names");
    static final String DATE_FACET = "date";
    /** The map counts places with every selection but the map's own rectangle. */
    static final String MAP_FACET = "map";
    public static final String CURSOR_KEEP_ALIVE = "5m";
    /** Countries, regions and cities counted per tree level, relative to the facet size. */
    static final int REGIONS_PER_COUNTRY = 3;

    private SearchRequestFactory() {}

    /** The time span the date histogram should cover, when the request does not bound it. */
    public record DateSpan(Instant min, Instant max) {}

    public static SearchRequest search(String index, SearchParameters parameters, @Nullable DateSpan dataSpan) {
        return search(index, parameters, dataSpan, false);
    }

    /** A search; with {@code collapse}, one hit per story (see {@link #collapseCopies}). */
    public static SearchRequest search(String index, SearchParameters parameters, @Nullable DateSpan dataSpan,
            boolean collapse) {
        return SearchRequest.of(s -> {
            if (collapse) {
                collapseCopies(s);
            }
            s.index(index)
                    .from(parameters.offset())
                    .size(parameters.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                    .query(query(parameters))
                    .sort(sort(parameters.sort(), parameters.hasQuery()))
                    .highlight(h -> highlight(h, parameters.hasQuery()));
            Query postFilter = filters(parameters, null);
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            s.aggregations(facetAggregations(parameters, dataSpan));
            return s;
        });
    }

    /** How many of a story's copies a collapsed hit names (with their sources); the count covers them all. */
    static final int COPIES_SHOWN = 5;
    static final String COPIES = "copies";

    /**
     * One hit per cluster of copies (see {@code org.clipfile.copies}): the best-ranked copy under the search's sort,
     * with an inner hit listing the cluster's matching copies from the earliest published, whose total is the count.
     */
    static void collapseCopies(SearchRequest.Builder s) {
        s.collapse(c -> c.field("cluster").innerHits(i -> i
                .name(COPIES)
                .size(COPIES_SHOWN)
                .sort(o -> o.field(f -> f.field("published").order(SortOrder.Asc).missing("_last")))
                .source(src -> src.filter(f -> f.includes("id", "source", "published")))));
    }

    /**
     * A page of a deep walk through the results with a point in time: same query, filters and sort, plus a
     * tiebreaker, continuing after the last hit of the previous page. Facets only on the first page.
     */
    public static SearchRequest cursorPage(SearchParameters parameters, String pitId, List<FieldValue> after,
            SearchRequestFactory.@Nullable DateSpan dataSpan) {
        return SearchRequest.of(s -> {
            s.pit(p -> p.id(pitId).keepAlive(k -> k.time(CURSOR_KEEP_ALIVE)))
                    .size(parameters.size())
                    .trackTotalHits(t -> t.enabled(after.isEmpty()))
                    .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                    .query(query(parameters))
                    .sort(sort(parameters.sort(), parameters.hasQuery()))
                    .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                    .highlight(h -> highlight(h, parameters.hasQuery()));
            Query postFilter = filters(parameters, null);
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            if (after.isEmpty()) {
                s.aggregations(facetAggregations(parameters, dataSpan));
            } else {
                s.searchAfter(after);
            }
            return s;
        });
    }

    /** Every matching article in index order, for export: no scoring, no highlighting, all fields. */
    public static SearchRequest exportPage(SearchParameters parameters, String pitId, List<FieldValue> after,
            int size) {
        return SearchRequest.of(s -> {
            s.pit(p -> p.id(pitId).keepAlive(k -> k.time(CURSOR_KEEP_ALIVE)))
                    .size(size)
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.constantScore(c -> c.filter(filteredQuery(parameters))))
                    .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
            if (!after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        });
    }

    /**
     * The values of one facet under the query and the other facets' selections, for "more" and for searching
     * within a facet: {@code contains} filters values (letters match in any case), {@code byName} sorts by value.
     * Elasticsearch's terms aggregation has no offset, so a page is the tail of the first {@code until} values.
     */
    public static SearchRequest facetValues(String index, SearchParameters parameters, Facet facet,
            @Nullable String contains, boolean byName, int until) {
        Query others = filters(parameters, facet);
        return SearchRequest.of(s -> s.index(index).size(0)
                .query(others == null ? query(parameters)
                        : Query.of(q -> q.bool(b -> b.must(query(parameters)).filter(others))))
                .aggregations("values", a -> a.terms(t -> {
                    t.field(facet.field()).size(until);
                    if (contains != null && !contains.isBlank()) {
                        t.include(i -> i.regexp(".*" + caseInsensitive(contains) + ".*"));
                    }
                    if (byName) {
                        t.order(NamedValue.of("_key", SortOrder.Asc));
                    }
                    return t;
                })));
    }

    /** A Lucene regular expression matching the text literally, letters in either case. */
    static String caseInsensitive(String text) {
        StringBuilder regex = new StringBuilder();
        text.codePoints().forEach(c -> {
            String lower = new String(Character.toChars(Character.toLowerCase(c)));
            String upper = new String(Character.toChars(Character.toUpperCase(c)));
            if (!lower.equals(upper)) {
                regex.append('[').append(lower).append(upper).append(']');
            } else if (Character.isLetterOrDigit(c)) {
                regex.appendCodePoint(c);
            } else {
                regex.append('\\').appendCodePoint(c);
            }
        });
        return regex.toString();
    }

    /** The scoring part: the journalist's query, or everything. */
    public static Query query(SearchParameters parameters) {
        if (!parameters.hasQuery()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        Query parsed = JournalistQuery.parse(parameters.q(), QueryLimits.DEFAULT, NameKeys::key).query();
        String nameKey = NameKeys.key(parameters.q());
        if (nameKey.isEmpty()) {
            return parsed;
        }
        // A query that is a name in another romanisation ("Abd al-Rahman") also finds the articles naming it.
        return Query.of(q -> q.bool(b -> b
                .should(parsed)
                .should(s -> s.multiMatch(m -> m.query(nameKey).type(TextQueryType.Phrase)
                        .fields(NAME_FIELDS)))
                .minimumShouldMatch("1")));
    }

    /** The query and every selection as one query, for counting, exporting and cursors. */
    public static Query filteredQuery(SearchParameters parameters) {
        Query filters = filters(parameters, null);
        if (filters == null) {
            return query(parameters);
        }
        return Query.of(q -> q.bool(b -> b.must(query(parameters)).filter(filters)));
    }

    /**
     * All selections except those of {@code exceptFacet} ({@link Facet} or {@link #DATE_FACET}), as one filter; null
     * when nothing is selected.
     */
    static @Nullable Query filters(SearchParameters parameters, @Nullable Object exceptFacet) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        boolean any = false;
        for (Map.Entry<Facet, Selection> entry : parameters.selections().entrySet()) {
            if (entry.getKey() == exceptFacet || entry.getValue().isEmpty()) {
                continue;
            }
            String field = entry.getKey().field();
            Selection selection = entry.getValue();
            if (!selection.include().isEmpty()) {
                bool.filter(terms(field, selection.include()));
            }
            if (!selection.exclude().isEmpty()) {
                bool.mustNot(terms(field, selection.exclude()));
            }
            any = true;
        }
        if (parameters.hasDateRange() && !DATE_FACET.equals(exceptFacet)) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("published");
                if (parameters.publishedFrom() != null) {
                    d.gte(parameters.publishedFrom().toString());
                }
                if (parameters.publishedTo() != null) {
                    d.lt(parameters.publishedTo().toString());
                }
                return d;
            })));
            any = true;
        }
        BoundingBox box = parameters.bbox();
        if (box != null && !MAP_FACET.equals(exceptFacet)) {
            bool.filter(f -> f.geoBoundingBox(g -> g.field("place_points").boundingBox(b -> b.tlbr(c -> c
                    .topLeft(p -> p.latlon(l -> l.lat(box.north()).lon(box.west())))
                    .bottomRight(p -> p.latlon(l -> l.lat(box.south()).lon(box.east())))))));
            any = true;
        }
        return any ? Query.of(q -> q.bool(bool.build())) : null;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    static Map<String, Aggregation> facetAggregations(SearchParameters parameters, @Nullable DateSpan dataSpan) {
        Map<String, Aggregation> aggregations = new java.util.LinkedHashMap<>();
        int size = parameters.facetSize();
        for (Facet facet : Facet.values()) {
            Map<String, Aggregation> counts = facet == Facet.PLACE
                    ? placeTree(size)
                    : Map.of("values", Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(size))));
            aggregations.put(facet.parameter(), withOtherSelections(parameters, facet, counts));
        }
        CalendarInterval interval = interval(parameters, dataSpan);
        aggregations.put(DATE_FACET, withOtherSelections(parameters, DATE_FACET, Map.of("histogram",
                Aggregation.of(a -> a.dateHistogram(h -> h.field("published").calendarInterval(interval)
                        .minDocCount(1))))));
        return aggregations;
    }

    /** The place tree from {@code place_paths} ("country", "country/region", "country/region/city"). */
    static Map<String, Aggregation> placeTree(int size) {
        return Map.of(
                "countries", Aggregation.of(a -> a.terms(t -> t.field("place_paths").size(size)
                        .include(i -> i.regexp("[^/]+")))),
                "regions", Aggregation.of(a -> a.terms(t -> t.field("place_paths").size(size * REGIONS_PER_COUNTRY)
                        .include(i -> i.regexp("[^/]+/[^/]+")))),
                "cities", Aggregation.of(a -> a.terms(t -> t.field("place_paths")
                        .size(size * REGIONS_PER_COUNTRY * 2).include(i -> i.regexp("[^/]+/[^/]+/[^/]+")))));
    }

    private static Aggregation withOtherSelections(SearchParameters parameters, Object facet,
            Map<String, Aggregation> counts) {
        Query others = filters(parameters, facet);
        return Aggregation.of(a -> a
                .filter(others != null ? others : Query.of(q -> q.matchAll(m -> m)))
                .aggregations(counts));
    }

    /** An interval that gives a readable number of bars for the span searched (or, unbounded, the archive's). */
    static CalendarInterval interval(SearchParameters parameters, @Nullable DateSpan dataSpan) {
        Instant from = parameters.publishedFrom() != null ? parameters.publishedFrom()
                : dataSpan == null ? null : dataSpan.min();
        Instant to = parameters.publishedTo() != null ? parameters.publishedTo()
                : dataSpan == null ? null : dataSpan.max();
        if (from == null || to == null || !to.isAfter(from)) {
            return CalendarInterval.Year;
        }
        Duration span = Duration.between(from, to);
        if (span.compareTo(Duration.ofDays(3)) <= 0) {
            return CalendarInterval.Hour;
        }
        if (span.compareTo(Duration.ofDays(120)) <= 0) {
            return CalendarInterval.Day;
        }
        if (span.compareTo(Duration.ofDays(365 * 2)) <= 0) {
            return CalendarInterval.Week;
        }
        if (span.compareTo(Duration.ofDays(365 * 15)) <= 0) {
            return CalendarInterval.Month;
        }
        return CalendarInterval.Year;
    }

    static List<SortOptions> sort(SearchParameters.Sort sort, boolean hasQuery) {
        List<SortOptions> options = new ArrayList<>();
        if (sort == SearchParameters.Sort.relevance && hasQuery) {
            options.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        SortOrder order = sort == SearchParameters.Sort.oldest ? SortOrder.Asc : SortOrder.Desc;
        options.add(SortOptions.of(o -> o.field(f -> f.field("published").order(order).missing("_last"))));
        return options;
    }

    private static co.elastic.clients.elasticsearch.core.search.Highlight.Builder highlight(
            co.elastic.clients.elasticsearch.core.search.Highlight.Builder h, boolean hasQuery) {
        h.type(HighlighterType.Unified)
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields(NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(SNIPPET_LENGTH)
                        .numberOfFragments(1)
                        .noMatchSize(SNIPPET_LENGTH)
                        .matchedFields("body", "body.folded"))));
        if (hasQuery) {
            h.fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0)
                    .matchedFields("title", "title.folded"))));
        }
        return h;
    }
}
