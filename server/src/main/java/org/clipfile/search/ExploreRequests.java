package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the requests behind the map, the entity pages, entity suggestions and related articles. Pure: no I/O,
 * tested by the JSON it produces. Each one runs under the current search (query and selections), like the facets.
 */
public final class ExploreRequests {
    /** Places per map cell read to find the names of the places that lie inside it. */
    static final int PLACES_PER_CELL = 30;
    static final int COOCCURRING = 10;
    static final int ALIAS_SAMPLE = 20;

    private ExploreRequests() {}

    /**
     * Map cells: a geotile grid over the places the matching articles name, with each cell's most named places (a
     * centroid aggregation would average all the points of the articles in the cell, most of them outside it). The map's own rectangle is not applied, so panning shows what lies outside it.
     */
    public static SearchRequest map(String index, SearchParameters parameters, int zoom, int cells) {
        Query filters = SearchRequestFactory.filters(parameters, SearchRequestFactory.MAP_FACET);
        return SearchRequest.of(s -> s.index(index).size(0)
                .query(withFilters(SearchRequestFactory.query(parameters), filters))
                .aggregations("cells", a -> a
                        .geotileGrid(g -> g.field("place_points").precision(zoom).size(cells))
                        .aggregations("places", p -> p.terms(t -> t.field("places").size(PLACES_PER_CELL)))));
    }

    /**
     * One entity under the current search: how many articles name it, when (a date histogram), what else they
     * name most, what they name unusually often compared with the whole archive, and a sample of the articles'
     * entity lists to read the names they use.
     */
    public static SearchRequest entity(String index, SearchParameters parameters, Facet facet, String id,
            CalendarInterval interval) {
        Query named = Query.of(q -> q.bool(b -> b
                .must(SearchRequestFactory.filteredQuery(parameters))
                .filter(f -> f.term(t -> t.field(facet.field()).value(id)))));
        return SearchRequest.of(s -> {
            s.index(index).size(ALIAS_SAMPLE).trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes("entities")))
                    .query(named)
                    .aggregations("timeline", a -> a.dateHistogram(h -> h.field("published")
                            .calendarInterval(interval).minDocCount(1)));
            for (Facet other : List.of(Facet.PERSON, Facet.GROUP, Facet.PLACE)) {
                s.aggregations("with_" + other.parameter(), a -> a.terms(t -> t.field(other.field())
                        .size(COOCCURRING).exclude(e -> e.terms(List.of(id)))));
                s.aggregations("unusual_" + other.parameter(), a -> a.significantTerms(t -> t.field(other.field())
                        .size(COOCCURRING).minDocCount(2L).exclude(e -> e.terms(List.of(id)))));
            }
            return s;
        });
    }

    /**
     * Candidates for entity suggestions: articles whose names of the type start with the typed words, and the
     * most frequent entity ids among them (the caller keeps those whose names match).
     */
    public static SearchRequest suggest(String index, List<Facet> facets, String prefix, int candidates) {
        return SearchRequest.of(s -> {
            s.index(index).size(0)
                    .query(q -> q.multiMatch(m -> m.query(prefix).type(TextQueryType.PhrasePrefix)
                            .fields(facets.stream().map(f -> f.field() + "_names").toList())));
            for (Facet facet : facets) {
                s.aggregations(facet.parameter(), a -> a.terms(t -> t.field(facet.field()).size(candidates)));
            }
            return s;
        });
    }

    /**
     * Articles like this one: similar words in title and body, and the same people, groups and places (the more
     * shared, the better). The article itself is left out.
     */
    public static SearchRequest related(String index, String id, List<String> people, List<String> groups,
            List<String> places, int size) {
        return SearchRequest.of(s -> s.index(index).size(size)
                .source(src -> src.filter(f -> f.includes(SearchRequestFactory.RESULT_FIELDS)))
                .query(q -> q.bool(b -> {
                    b.should(sh -> sh.moreLikeThis(m -> m.fields("title", "body")
                            .like(l -> l.document(d -> d.index(index).id(id)))
                            .minTermFreq(1).minDocFreq(1).maxQueryTerms(40).minimumShouldMatch("20%")));
                    shared(b, Facet.PERSON, people, 2.0f);
                    shared(b, Facet.GROUP, groups, 2.0f);
                    shared(b, Facet.PLACE, places, 1.0f);
                    return b.mustNot(n -> n.ids(i -> i.values(id))).minimumShouldMatch("1");
                }))
                .highlight(h -> h.type(HighlighterType.Unified).encoder(HighlighterEncoder.Html)
                        .fields(NamedValue.of("body", HighlightField.of(f -> f.numberOfFragments(1)
                                .fragmentSize(SearchRequestFactory.SNIPPET_LENGTH)
                                .noMatchSize(SearchRequestFactory.SNIPPET_LENGTH))))));
    }

    private static void shared(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder bool, Facet facet,
            List<String> ids, float boost) {
        // One clause per id, so that two shared people score higher than one.
        for (String value : ids) {
            bool.should(s -> s.term(t -> t.field(facet.field()).value(value).boost(boost)));
        }
    }

    private static Query withFilters(Query query, @Nullable Query filters) {
        return filters == null ? query : Query.of(q -> q.bool(b -> b.must(query).filter(filters)));
    }
}
