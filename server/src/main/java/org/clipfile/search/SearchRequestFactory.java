package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.clipfile.search.query.JournalistQuery;
import org.clipfile.search.query.AnalyzedTerms;
import org.clipfile.search.query.QueryLimits;
import org.clipfile.search.query.QueryNode;
import org.clipfile.search.query.QueryTranslator;
import org.clipfile.search.query.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Elasticsearch request for a search. Pure: no I/O, tested by the JSON it produces.
 *
 * <p>{@code q} is parsed by the journalists' query language ({@link JournalistQuery}) and is the only scoring part.
 * Facet selections are OR within a facet and AND across facets, and each facet counts with the selections of the
 * other facets only: the hits get every selection as a {@code post_filter}, and each facet's aggregation counts under
 * a {@code filter} aggregation holding the selections of the other facets (shared by the facets that see the same
 * selections; none when there are none). One request computes it all.
 */
public final class SearchRequestFactory {
    /** What a result shows (see {@link StoredHit}); the body comes as its highlighted snippet. */
    static final List<String> RESULT_FIELDS = List.of("id", "title", "published", "source", "section", "tags", "url",
            "entities");
    static final int SNIPPET_LENGTH = 180;
    /** The entity name fields keyed by the index's {@code name_key} analyzer (mappings/articles.json). */
    public static final List<String> NAME_KEY_FIELDS =
            List.of("people_names.key", "groups_names.key", "places_names.key");
    public static final String DATE_FACET = "date";
    static final String SELECTIONS_PREFIX = "selections:";
    static final String PLACE_COUNTRIES = "place.countries";
    static final String PLACE_REGIONS = "place.regions";
    static final String PLACE_CITIES = "place.cities";
    /** The score an article gets for naming an entity whose name key is the query's. */
    static final float NAME_KEY_SCORE = 1f;
    /**
     * Plain words of more terms than this ({@link AnalyzedTerms}: words, or Chinese characters) are no name:
     * "Organization of the Petroleum Exporting Countries" is 6, 中国石油天然气集团有限公司 13.
     */
    static final int NAME_KEY_MOST_TERMS = 24;
    /** The map counts places with every selection but the map's own rectangle. */
    static final String MAP_FACET = "map";
    public static final String CURSOR_KEEP_ALIVE = "5m";
    /** Countries, regions and cities counted per tree level, relative to the facet size. */
    static final int REGIONS_PER_COUNTRY = 3;

    private SearchRequestFactory() {}

    /** The time span the date histogram should cover, when the request does not bound it. */
    public record DateSpan(Instant min, Instant max) {}

    public static SearchRequest search(String index, SearchParameters parameters, @Nullable DateSpan dataSpan) {
        return search(index, parameters, dataSpan, QueryTranslator.STRICT_WORDS, false);
    }

    /** A search; with {@code collapse}, one hit per story (see {@link #collapseCopies}). */
    public static SearchRequest search(String index, SearchParameters parameters, @Nullable DateSpan dataSpan,
            boolean collapse) {
        return search(index, parameters, dataSpan, QueryTranslator.STRICT_WORDS, collapse);
    }

    /**
     * @param strictWords plain words up to this many are all required: 1 for the second try of a short query that
     *     found nothing (see {@link SearchService})
     * @param collapse one hit per story (see {@link #collapseCopies})
     */
    public static SearchRequest search(String index, SearchParameters parameters, @Nullable DateSpan dataSpan,
            int strictWords, boolean collapse) {
        return SearchRequest.of(s -> {
            if (collapse) {
                collapseCopies(s);
            }
            s.index(index)
                    .from(parameters.offset())
                    .size(parameters.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                    .query(query(parameters, strictWords))
                    .sort(sort(parameters.sort(), ranked(parameters)))
                    .highlight(h -> highlight(h, parameters));
            Query postFilter = filters(parameters, null);
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            Map<String, Aggregation> counts = facetAggregations(parameters, dataSpan);
            if (!counts.isEmpty()) {
                s.aggregations(counts);
            }
            return s;
        });
    }

    /** How many of a story's copies a collapsed hit names (with their sources); the count covers them all. */
    static final int COPIES_SHOWN = 5;
    /** In {@link #copiesOf}: a bucket per cluster of the page; the hits without a cluster; each one's earliest. */
    static final String CLUSTERS = "clusters";
    static final String UNCLUSTERED = "unclustered";
    static final String EARLIEST = "earliest";

    /**
     * One hit per cluster of copies (see {@code org.clipfile.copies}): the best-ranked copy under the search's sort.
     * No inner hit: it ran one sub-search per hit of the page and doubled the cost of a search; the copies of the
     * page's clusters are counted by one more request, {@link #copiesOf}.
     */
    static void collapseCopies(SearchRequest.Builder s) {
        s.collapse(c -> c.field("cluster"));
    }

    /**
     * The copies of a collapsed page's stories among the search's matches, in one request: the same query
     * ({@code strictWords} as the page was searched) and every selection, restricted to the page's {@code clusters}
     * (and, with {@code unclustered}, to the articles without one, which {@code collapse} folds into one hit), no
     * hits; per cluster a bucket whose {@code doc_count} is the number of matching articles and whose
     * {@value #EARLIEST} names the {@value #COPIES_SHOWN} earliest published with their sources. Bounded whatever a
     * cluster's size: one bucket per hit of the page at most, five documents fetched per bucket.
     */
    public static SearchRequest copiesOf(String index, SearchParameters parameters, int strictWords,
            List<String> clusters, boolean unclustered) {
        List<FieldValue> values = clusters.stream().distinct().map(FieldValue::of).toList();
        Query inClusters = Query.of(q -> q.terms(t -> t.field("cluster").terms(v -> v.value(values))));
        Query withoutCluster = Query.of(q -> q.bool(b -> b.mustNot(n -> n.exists(e -> e.field("cluster")))));
        Query page = !unclustered ? inClusters : values.isEmpty() ? withoutCluster
                : Query.of(q -> q.bool(b -> b.should(inClusters).should(withoutCluster).minimumShouldMatch("1")));
        Query selections = filters(parameters, null);
        return SearchRequest.of(s -> {
            s.index(index).size(0).trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> {
                        // Only matching counts here: as a filter, nothing is scored.
                        b.filter(query(parameters, strictWords)).filter(page);
                        if (selections != null) {
                            b.filter(selections);
                        }
                        return b;
                    }));
            if (!values.isEmpty()) {
                // "map": the few matching articles' values are read as they are; the default would build global
                // ordinals of every cluster in the index after each refresh (measured: docs/wire-copies.md).
                s.aggregations(CLUSTERS, a -> a.terms(t -> t.field("cluster").size(values.size())
                                .executionHint(TermsAggregationExecutionHint.Map))
                        .aggregations(EARLIEST, SearchRequestFactory::earliestCopies));
            }
            if (unclustered) {
                s.aggregations(UNCLUSTERED, a -> a.missing(m -> m.field("cluster"))
                        .aggregations(EARLIEST, SearchRequestFactory::earliestCopies));
            }
            return s;
        });
    }

    /** The earliest copies' ids and sources from doc values: no stored document (its body) is read. */
    private static co.elastic.clients.util.ObjectBuilder<Aggregation> earliestCopies(Aggregation.Builder a) {
        return a.topHits(h -> h.size(COPIES_SHOWN)
                .sort(o -> o.field(f -> f.field("published").order(SortOrder.Asc).missing("_last")))
                .source(src -> src.fetch(false))
                .docvalueFields(FieldAndFormat.of(f -> f.field("id")),
                        FieldAndFormat.of(f -> f.field("source"))));
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
                    .sort(sort(parameters.sort(), ranked(parameters)))
                    .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                    .highlight(h -> highlight(h, parameters));
            Query postFilter = filters(parameters, null);
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            if (!after.isEmpty()) {
                s.searchAfter(after);
            } else {
                Map<String, Aggregation> counts = facetAggregations(parameters, dataSpan);
                if (!counts.isEmpty()) {
                    s.aggregations(counts);
                }
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
                .aggregations("values", a -> storiesIn(a.terms(t -> {
                    t.field(facet.field()).size(until);
                    if (contains != null && !contains.isBlank()) {
                        t.include(i -> i.regexp(".*" + caseInsensitive(contains) + ".*"));
                    }
                    if (byName) {
                        t.order(NamedValue.of("_key", SortOrder.Asc));
                    }
                    return t;
                }), parameters.countStories())));
    }

    /**
     * Candidates for the places whose names contain {@code text} (a word prefix, any case or accents) in the articles
     * of the search: {@code named}, the ids of the places named so in them (with the places above them), and
     * {@code countries}, every country of the search (a country is often only above the places named). The caller
     * keeps the ids whose name holds the text and counts them with {@link #facetValuesOf}.
     */
    public static SearchRequest placesNamed(String index, SearchParameters parameters, String text, int candidates) {
        Query others = filters(parameters, Facet.PLACE);
        Query named = Query.of(q -> q.matchBoolPrefix(m -> m.field("places_names").query(text)
                .operator(Operator.And)));
        return SearchRequest.of(s -> s.index(index).size(0)
                .query(others == null ? query(parameters)
                        : Query.of(q -> q.bool(b -> b.must(query(parameters)).filter(others))))
                .aggregations("named", a -> a.filter(named)
                        .aggregations("values", v -> v.terms(t -> t.field(Facet.PLACE.field()).size(candidates))))
                .aggregations("countries", a -> a.terms(t -> t.field("place_paths").size(candidates)
                        .include(i -> i.regexp("[^/]+")))));
    }

    /** The counts of these values of one facet under the query and the other facets' selections. */
    public static SearchRequest facetValuesOf(String index, SearchParameters parameters, Facet facet,
            List<String> values, boolean byName) {
        Query others = filters(parameters, facet);
        return SearchRequest.of(s -> s.index(index).size(0)
                .query(others == null ? query(parameters)
                        : Query.of(q -> q.bool(b -> b.must(query(parameters)).filter(others))))
                .aggregations("values", a -> storiesIn(a.terms(t -> {
                    t.field(facet.field()).size(Math.max(1, values.size())).include(i -> i.terms(values));
                    if (byName) {
                        t.order(NamedValue.of("_key", SortOrder.Asc));
                    }
                    return t;
                }), parameters.countStories())));
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

    /**
     * The scoring part: the journalist's query, or everything; with people, groups or places selected, articles
     * rank also by the salience of the selected entities in them (the selections themselves filter as post_filter).
     */
    public static Query query(SearchParameters parameters) {
        return query(parameters, QueryTranslator.STRICT_WORDS);
    }

    static Query query(SearchParameters parameters, int strictWords) {
        Query text = textQuery(parameters, strictWords);
        List<String> entities = selectedEntities(parameters);
        if (entities.isEmpty()) {
            return text;
        }
        return Query.of(q -> q.bool(b -> b.must(text).should(QueryTranslator.salienceOf(entities))));
    }

    /** The journalist's query alone, or everything. */
    static Query textQuery(SearchParameters parameters, int strictWords) {
        if (!parameters.hasQuery()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return journalistQuery(parameters, strictWords).query();
    }

    /** Parsed (name scopes match by the index's name keys); a query of plain words also matches as a name. */
    public static JournalistQuery journalistQuery(SearchParameters parameters) {
        return journalistQuery(parameters, QueryTranslator.STRICT_WORDS);
    }

    public static JournalistQuery journalistQuery(SearchParameters parameters, int strictWords) {
        return withNameKeys(JournalistQuery.parse(parameters.q(), QueryLimits.DEFAULT, UnaryOperator.identity(),
                strictWords));
    }

    /** {@code journalist}, also matching as a name when it is plain words (see {@link #journalistQuery}). */
    public static JournalistQuery withNameKeys(JournalistQuery journalist) {
        String plain = journalist.plainText().orElse("");
        if (plain.isBlank() || AnalyzedTerms.of(plain) > NAME_KEY_MOST_TERMS) {
            // Longer than any name: a pasted paragraph is no name, and its phrase would only cost clauses.
            return journalist;
        }
        // Plain words that are a name in another romanisation ("Abd al-Rahman") also find the articles naming it:
        // Elasticsearch keys the words with the fields' own analyzer (name_key), as it keyed the names indexed.
        // Only then: keys of operators, scopes or exclusions ("-assad", "person:kirby") would match wrongly.
        Query parsed = journalist.query();
        // A constant score: the name match finds, the words rank (a short name field would outscore the text).
        Query either = Query.of(q -> q.bool(b -> b
                .should(parsed)
                .should(s -> s.constantScore(c -> c.boost(NAME_KEY_SCORE).filter(f -> f.multiMatch(m -> m
                        .query(plain).type(TextQueryType.Phrase).fields(NAME_KEY_FIELDS)))))
                .minimumShouldMatch("1")));
        return new JournalistQuery(journalist.syntax(), either, journalist.highlightTerms(), journalist.relaxed());
    }

    /** The people, groups and places selected (included), which rank the results by their salience. */
    static List<String> selectedEntities(SearchParameters parameters) {
        List<String> ids = new ArrayList<>();
        for (Facet facet : List.of(Facet.PERSON, Facet.GROUP, Facet.PLACE)) {
            Selection selection = parameters.selections().get(facet);
            if (selection != null) {
                ids.addAll(selection.include());
            }
        }
        return ids;
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
        List<String> ids = parameters.ids();
        if (ids != null) {
            bool.filter(f -> f.ids(i -> i.values(ids)));
            any = true;
        }
        return any ? Query.of(q -> q.bool(bool.build())) : null;
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    /**
     * The facet counts. Each facet counts under the selections of the other facets only; facets that see the same
     * selections share one {@code filter} aggregation (all unselected facets see every selection), and facets that see
     * none sit at the top level, so a search without selections has no {@code filter} aggregation at all. Names:
     * a facet's parameter ({@code person}), {@code place.countries}/{@code .regions}/{@code .cities} and
     * {@value #DATE_FACET}; a filter aggregation is named {@value #SELECTIONS_PREFIX}n and holds its facets under
     * the same names (see {@link #flatten}).
     */
    static Map<String, Aggregation> facetAggregations(SearchParameters parameters, @Nullable DateSpan dataSpan) {
        Map<String, Aggregation> top = new LinkedHashMap<>();
        // Facets by the filter they count under, keyed by the filter's JSON: the same selections, the same filter.
        Map<String, FilterGroup> byFilter = new LinkedHashMap<>();
        int size = parameters.facetSize();
        boolean stories = parameters.countStories();
        for (Facet facet : Facet.values()) {
            if (!parameters.counts(facet)) {
                continue;
            }
            Map<String, Aggregation> counts = facet == Facet.PLACE
                    ? placeTree(size, stories)
                    : Map.of(facet.parameter(), Aggregation.of(a -> storiesIn(a.terms(t -> t.field(facet.field())
                            .size(size)), stories)));
            place(top, byFilter, filters(parameters, facet), counts);
        }
        if (parameters.countsDates()) {
            CalendarInterval interval = interval(parameters, dataSpan);
            place(top, byFilter, filters(parameters, DATE_FACET), Map.of(DATE_FACET, Aggregation.of(a -> storiesIn(a
                    .dateHistogram(h -> h.field("published").calendarInterval(interval).minDocCount(1)), stories))));
        }
        int n = 0;
        for (FilterGroup group : byFilter.values()) {
            top.put(SELECTIONS_PREFIX + n++, Aggregation.of(a -> a.filter(group.filter()).aggregations(group.counts())));
        }
        return top;
    }

    private record FilterGroup(Query filter, Map<String, Aggregation> counts) {}

    /** Adds counts at the top level when nothing else is selected, else to the group of their filter. */
    private static void place(Map<String, Aggregation> top, Map<String, FilterGroup> byFilter,
            @Nullable Query others, Map<String, Aggregation> counts) {
        if (others == null) {
            top.putAll(counts);
            return;
        }
        byFilter.computeIfAbsent(others.toString(), k -> new FilterGroup(others, new LinkedHashMap<>())).counts()
                .putAll(counts);
    }

    /** The counts of a response by name, wherever {@link #facetAggregations} put them. */
    public static Map<String, Aggregate> flatten(Map<String, Aggregate> aggregations) {
        Map<String, Aggregate> flat = new HashMap<>();
        aggregations.forEach((name, aggregate) -> {
            if (name.startsWith(SELECTIONS_PREFIX) && aggregate.isFilter()) {
                flat.putAll(aggregate.filter().aggregations());
            } else {
                flat.put(name, aggregate);
            }
        });
        return flat;
    }

    /**
     * The place tree, one {@code terms} aggregation per level field ({@code place_tree_countries} holds paths
     * "country", {@code _regions} "country/region", {@code _cities} "country/region/city"): a regular-expression
     * {@code include} over {@code place_paths} cost more than all other facets together (docs/search-speed.md).
     */
    static Map<String, Aggregation> placeTree(int size) {
        return placeTree(size, false);
    }

    static Map<String, Aggregation> placeTree(int size, boolean stories) {
        Map<String, Aggregation> tree = new LinkedHashMap<>();
        tree.put(PLACE_COUNTRIES, Aggregation.of(a -> storiesIn(a.terms(t -> t.field("place_tree_countries")
                .size(size)), stories)));
        tree.put(PLACE_REGIONS, Aggregation.of(a -> storiesIn(a.terms(t -> t.field("place_tree_regions")
                .size(size * REGIONS_PER_COUNTRY)), stories)));
        tree.put(PLACE_CITIES, Aggregation.of(a -> storiesIn(a.terms(t -> t.field("place_tree_cities")
                .size(size * REGIONS_PER_COUNTRY * 2)), stories)));
        return tree;
    }

    /** The sub-aggregation that counts a bucket's stories: the distinct clusters of its articles. */
    public static final String STORIES = "stories";

    /**
     * With {@code stories}, each bucket also counts its distinct {@code cluster}s (a {@code cardinality}: exact up
     * to its precision threshold of 3,000 per bucket, HyperLogLog++ estimates above). Values stay ordered by their
     * article counts: ordering terms by a sub-aggregation would compute it for every term.
     */
    static co.elastic.clients.util.ObjectBuilder<Aggregation> storiesIn(Aggregation.Builder.ContainerBuilder bucketing,
            boolean stories) {
        return stories ? bucketing.aggregations(STORIES, c -> c.cardinality(k -> k.field("cluster")
                .precisionThreshold(3000))) : bucketing;
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

    /** Whether there is anything to rank by: a query, or people, groups or places selected. */
    static boolean ranked(SearchParameters parameters) {
        return parameters.hasQuery() || !selectedEntities(parameters).isEmpty();
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

    /**
     * Highlights the journalist's query alone ({@code highlight_query}: the name-key clause beside it matches entity
     * name fields and never marks words of the text), and adds the exact-word {@code .folded} fields as
     * {@code matched_fields} only when the query searches them (phrases, proximity, prefixes, fuzzy words, names):
     * plain words are stemmed, and what the stemmed field marks includes what the folded one would. For plain words
     * the highlight query leaves the folded fields out too ({@link HighlightQuery}): the same marks, cheaper.
     */
    private static co.elastic.clients.elasticsearch.core.search.Highlight.Builder highlight(
            co.elastic.clients.elasticsearch.core.search.Highlight.Builder h, SearchParameters parameters) {
        boolean exact = false;
        if (parameters.hasQuery()) {
            JournalistQuery parsed = JournalistQuery.parse(parameters.q(), QueryLimits.DEFAULT,
                    UnaryOperator.identity());
            exact = searchesExactWords(parsed.syntax());
            h.highlightQuery(exact ? parsed.query() : HighlightQuery.stemmedOnly(parsed.query()));
        }
        boolean folded = exact;
        h.type(HighlighterType.Unified)
                .encoder(HighlighterEncoder.Html)
                .preTags("<mark>")
                .postTags("</mark>")
                .fields(NamedValue.of("body", HighlightField.of(f -> {
                    f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1).noMatchSize(SNIPPET_LENGTH);
                    return folded ? f.matchedFields("body", "body.folded") : f;
                })));
        if (parameters.hasQuery()) {
            h.fields(NamedValue.of("title", HighlightField.of(f -> {
                f.numberOfFragments(0);
                return folded ? f.matchedFields("title", "title.folded") : f;
            })));
        }
        return h;
    }

    /** Whether a hit may match through a field other than the stemmed title and body. */
    static boolean searchesExactWords(QueryNode node) {
        return switch (node) {
            case QueryNode.And and -> and.clauses().stream().anyMatch(SearchRequestFactory::searchesExactWords);
            case QueryNode.Or or -> or.clauses().stream().anyMatch(SearchRequestFactory::searchesExactWords);
            case QueryNode.Not not -> false;
            case QueryNode.All all -> false;
            case QueryNode.Word word -> word.scope() != Scope.TEXT && word.scope() != Scope.TITLE
                    && word.scope() != Scope.SOURCE;
            case QueryNode.Term term -> term.scope() != Scope.SOURCE;
        };
    }
}
