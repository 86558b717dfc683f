package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.clipfile.enrich.MentionSpans;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.index.ArticleIndex;
import org.clipfile.search.SearchResult.DateBucket;
import org.clipfile.search.SearchResult.DateHistogram;
import org.clipfile.search.SearchResult.FacetCounts;
import org.clipfile.search.SearchResult.FacetValue;
import org.clipfile.search.query.QueryTranslator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Runs searches against the article alias and turns the response into results and facet counts. */
@Service
public class SearchService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchService.class);
    private static final Duration SPAN_CACHE = Duration.ofMinutes(5);
    private static final Selection NO_SELECTION = new Selection(List.of(), List.of());

    private final ArticleIndex index;
    private final FacetLabels labels;
    private final AtomicReference<CachedSpan> span = new AtomicReference<>();
    private final CursorPoints cursorPoints = new CursorPoints(Duration.ofMinutes(5), System::nanoTime);
    private final java.util.concurrent.atomic.AtomicBoolean renewingSpan = new java.util.concurrent.atomic.AtomicBoolean();

    private record CachedSpan(SearchRequestFactory.DateSpan span, Instant at) {}

    public SearchService(ArticleIndex index, ObjectProvider<FacetLabels> labels) {
        this.index = index;
        this.labels = labels.getIfAvailable(() -> (facet, values) -> Map.of());
    }

    public SearchResult search(SearchParameters parameters) throws IOException {
        return search(parameters, null);
    }

    /**
     * A search, or with {@code cursor} a deep walk: an empty cursor opens a point in time and returns the first
     * page with a cursor for the next; a cursor continues. Totals and facets come with the first page only.
     */
    public SearchResult search(SearchParameters parameters, @Nullable String cursor) throws IOException {
        return search(parameters, cursor, "anonymous", false);
    }

    /**
     * A search that may show one hit per story ({@code collapse}): copies of one story are then folded into the
     * best-ranked one, which counts and names them. Cursor pages are never collapsed (Elasticsearch allows
     * {@code search_after} with collapsing only when sorting on the collapsed field). The points in time a caller's
     * cursors hold are bounded (see {@link CursorPoints}), and a walk's last page closes its own.
     */
    public SearchResult search(SearchParameters parameters, @Nullable String cursor, String caller, boolean collapse)
            throws IOException {
        SearchRequestFactory.DateSpan archiveSpan = dataSpan();
        SearchResponse<StoredHit> response;
        Cursor position = null;
        boolean relaxedAfterAll = false;
        // What the page was found with, for counting its copies under the same query.
        SearchParameters searched = parameters;
        int strictWords = QueryTranslator.STRICT_WORDS;
        if (cursor == null) {
            response = index.search(SearchRequestFactory.search(index.alias(), parameters, archiveSpan, collapse),
                    StoredHit.class);
            if (response.hits().total() != null && response.hits().total().value() == 0
                    && shortQueryCanRelax(parameters)) {
                // No article has every word of a short query: rather than nothing, those with most of them.
                relaxedAfterAll = true;
                strictWords = 1;
                response = index.search(SearchRequestFactory.search(index.alias(), parameters, archiveSpan, 1,
                        collapse), StoredHit.class);
            }
            String loosened = parameters.hasQuery() ? loosenPhrases(parameters.q()) : null;
            if (response.hits().total() != null && response.hits().total().value() == 0 && loosened != null) {
                // A quoted phrase no article has ("the quarterly dividend payout" pasted from a document): rather
                // than nothing, its words, relaxed like a long query, flagged as "most".
                relaxedAfterAll = true;
                searched = parameters.withQuery(loosened);
                strictWords = 1;
                response = index.search(SearchRequestFactory.search(index.alias(), searched, archiveSpan, 1,
                        collapse), StoredHit.class);
            }
        } else {
            position = cursor.isBlank()
                    ? new Cursor(openPointInTime(), List.of())
                    : Cursor.decode(cursor);
            try {
                response = index.search(SearchRequestFactory.cursorPage(parameters, position.pit(),
                        position.after(), archiveSpan), StoredHit.class);
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if (e.status() == 400 && !cursor.isBlank()) {
                    // A token that decodes but names no point in time, or sort values of the wrong kind.
                    throw new Cursor.InvalidCursorException("The cursor is not one this server issued; start "
                            + "again with cursor=");
                }
                throw e;
            }
        }
        String next = null;
        if (position != null) {
            String pit = response.pitId() == null ? position.pit() : response.pitId();
            if (response.hits().hits().size() == parameters.size()) {
                var last = response.hits().hits().getLast();
                next = new Cursor(pit, last.sort()).encode();
                for (String evicted : cursorPoints.used(caller, pit, position.pit())) {
                    closePointInTime(evicted);
                }
            } else {
                cursorPoints.released(pit);
                closePointInTime(pit);
            }
        }
        long total = response.hits().total() == null ? -1 : response.hits().total().value();
        List<SearchHit> hits = position == null && collapse
                ? withCopies(response.hits().hits(), searched, strictWords)
                : response.hits().hits().stream().map(SearchService::toHit).toList();
        Map<String, Aggregate> counts = SearchRequestFactory.flatten(response.aggregations());
        String matched = relaxedAfterAll
                ? (response.hits().hits().isEmpty() ? null : SearchResult.MATCHED_MOST)
                : matched(parameters, response.hits().hits());
        Map<String, FacetCounts> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            if (facet == Facet.PLACE ? !counts.containsKey(SearchRequestFactory.PLACE_COUNTRIES)
                    : !counts.containsKey(facet.parameter())) {
                continue;
            }
            Selection selection = parameters.selections().getOrDefault(facet, NO_SELECTION);
            facets.put(facet.parameter(), counting(parameters, facet == Facet.PLACE
                    ? placeTree(counts, selection)
                    : values(facet, counts.get(facet.parameter()).sterms(), selection)));
        }
        Aggregate histogram = counts.get(SearchRequestFactory.DATE_FACET);
        DateHistogram dates = histogram == null ? new DateHistogram("year", List.of())
                : histogram(SearchRequestFactory.interval(parameters, archiveSpan), histogram.dateHistogram());
        return new SearchResult(total, parameters.page(), parameters.size(), hits, facets, dates, next, matched);
    }

    /** A phrase in quotes at the top level: not after "-" (an exclusion) nor after ":" (a scope or field). */
    private static final java.util.regex.Pattern TOP_LEVEL_PHRASE =
            java.util.regex.Pattern.compile("(?<![-:\\p{L}\\p{N}])\"([^\"]+)\"(?:~\\d+)?");

    /**
     * The query with its top-level phrases as plain words ({@code "oil quota" vienna} gives {@code oil quota vienna}),
     * or null when it has none: what a query answering nothing because of a phrase is retried as.
     */
    public static @Nullable String loosenPhrases(String q) {
        java.util.regex.Matcher phrase = TOP_LEVEL_PHRASE.matcher(q);
        if (!phrase.find()) {
            return null;
        }
        String loosened = phrase.reset().replaceAll(m -> " " + java.util.regex.Matcher.quoteReplacement(m.group(1)) + " ")
                .strip().replaceAll("\\s+", " ");
        return loosened.isEmpty() || loosened.equals(q) ? null : loosened;
    }

    /** A query of 2 or 3 plain words (and no explicit AND) that would relax if it were longer. */
    static boolean shortQueryCanRelax(SearchParameters parameters) {
        return parameters.hasQuery() && !SearchRequestFactory.journalistQuery(parameters).relaxed()
                && SearchRequestFactory.journalistQuery(parameters, 1).relaxed();
    }

    /**
     * How the words matched: a relaxed query (more than three plain words) has them all when its first hit matched
     * the named all-words clause; sorted by date, when any hit of the page did. Any other query requires all.
     */
    static @Nullable String matched(SearchParameters parameters, List<Hit<StoredHit>> hits) {
        if (!parameters.hasQuery() || hits.isEmpty()) {
            return null;
        }
        if (!SearchRequestFactory.journalistQuery(parameters).relaxed()) {
            return SearchResult.MATCHED_ALL;
        }
        List<Hit<StoredHit>> looked = parameters.sort() == SearchParameters.Sort.relevance ? hits.subList(0, 1) : hits;
        boolean all = looked.stream().anyMatch(h -> h.matchedQueries() != null
                && h.matchedQueries().containsKey(QueryTranslator.ALL_WORDS));
        return all ? SearchResult.MATCHED_ALL : SearchResult.MATCHED_MOST;
    }

    /** One page of a facet's values, optionally only those containing {@code contains}, by count or by name. */
    public FacetCounts facetValues(SearchParameters parameters, Facet facet, @Nullable String contains,
            boolean byName, int page, int size) throws IOException {
        if (facet == Facet.PLACE && contains != null && !contains.isBlank()) {
            return placesNamed(parameters, contains, byName, page, size);
        }
        String match = contains;
        if (match != null && (facet == Facet.PERSON || facet == Facet.GROUP)) {
            // Ids are slugs of the names: "Kirby" finds person:john-kirby.
            match = NameKeys.slug(match);
        }
        var response = index.search(SearchRequestFactory.facetValues(index.alias(), parameters, facet, match,
                byName, page * size), Void.class);
        StringTermsAggregate terms = response.aggregations().get("values").sterms();
        Selection selection = parameters.selections().getOrDefault(facet, NO_SELECTION);
        FacetCounts all = values(facet, terms, selection);
        List<FacetValue> pageValues = all.values().subList(Math.min(all.values().size(), (page - 1) * size),
                all.values().size());
        return counting(parameters, new FacetCounts(pageValues, all.other()));
    }

    /** Gives a point in time back; one already gone is no matter (it expires on its own). */
    private void closePointInTime(String pit) {
        try {
            index.closePointInTime(pit);
        } catch (IOException | RuntimeException e) {
            // It expires on its own within minutes.
        }
    }

    int cursorsHeldBy(String caller) {
        return cursorPoints.heldBy(caller);
    }

    /** Candidate place ids looked at when searching the place facet by name. */
    static final int PLACE_CANDIDATES = 200;

    /**
     * The place facet searched by name ("Idlib" finds {@code place:region:SY.12}): the ids of places named in the
     * matching articles whose name (or id) contains the text, counted like any facet value.
     */
    private FacetCounts placesNamed(SearchParameters parameters, String contains, boolean byName, int page, int size)
            throws IOException {
        String folded = NameKeys.fold(contains);
        if (folded.isEmpty()) {
            return new FacetCounts(List.of(), 0);
        }
        var found = index.search(SearchRequestFactory.placesNamed(index.alias(), parameters, folded,
                PLACE_CANDIDATES), Void.class).aggregations();
        Set<String> candidates = new LinkedHashSet<>();
        found.get("named").filter().aggregations().get("values").sterms().buckets().array()
                .forEach(b -> candidates.add(b.key().stringValue()));
        found.get("countries").sterms().buckets().array().forEach(b -> candidates.add(b.key().stringValue()));
        // An unresolved place's id holds its name ("place:unresolved:sy:atme"); the others need their label, which
        // the gazetteer gives without a search for nearly all.
        List<String> ids = new ArrayList<>();
        List<String> toLabel = new ArrayList<>();
        for (String id : candidates) {
            if (id.startsWith("place:unresolved:")) {
                if (NameKeys.fold(last(id.replace(':', '/'))).contains(folded)) {
                    ids.add(id);
                }
            } else {
                toLabel.add(id);
            }
        }
        Map<String, String> names = labels(Facet.PLACE, toLabel);
        toLabel.stream().filter(id -> NameKeys.fold(names.getOrDefault(id, ""))
                .contains(folded)).forEach(ids::add);
        if (ids.isEmpty()) {
            return new FacetCounts(List.of(), 0);
        }
        var response = index.search(SearchRequestFactory.facetValuesOf(index.alias(), parameters, Facet.PLACE, ids,
                byName), Void.class);
        Selection selection = parameters.selections().getOrDefault(Facet.PLACE, new Selection(List.of(), List.of()));
        FacetCounts all = values(Facet.PLACE, response.aggregations().get("values").sterms(), selection);
        int from = Math.min(all.values().size(), (page - 1) * size);
        return counting(parameters, new FacetCounts(all.values().subList(from, Math.min(all.values().size(),
                from + size)), 0));
    }

    public String openPointInTime() throws IOException {
        return index.openPointInTime(index.alias(), SearchRequestFactory.CURSOR_KEEP_ALIVE);
    }

    private FacetCounts values(Facet facet, StringTermsAggregate terms, Selection selection) {
        List<String> keys = terms.buckets().array().stream().map(b -> b.key().stringValue()).toList();
        Map<String, String> names = labels(facet, keys);
        List<FacetValue> values = new ArrayList<>();
        for (StringTermsBucket bucket : terms.buckets().array()) {
            String key = bucket.key().stringValue();
            values.add(new FacetValue(key, names.getOrDefault(key, key), count(bucket.docCount(),
                    bucket.aggregations()),
                    selection.include().contains(key), selection.exclude().contains(key), List.of()));
        }
        return new FacetCounts(values, terms.sumOtherDocCount() == null ? 0 : terms.sumOtherDocCount());
    }

    /** Builds country, region, city nodes from path buckets; ids are the last segment of each path. */
    private FacetCounts placeTree(Map<String, Aggregate> counts, Selection selection) {
        StringTermsAggregate top = counts.get(SearchRequestFactory.PLACE_COUNTRIES).sterms();
        List<StringTermsBucket> countries = top.buckets().array();
        List<StringTermsBucket> regions = counts.get(SearchRequestFactory.PLACE_REGIONS).sterms().buckets().array();
        List<StringTermsBucket> cities = counts.get(SearchRequestFactory.PLACE_CITIES).sterms().buckets().array();
        Set<String> ids = new HashSet<>();
        for (List<StringTermsBucket> level : List.of(countries, regions, cities)) {
            level.forEach(b -> ids.add(last(b.key().stringValue())));
        }
        Map<String, String> names = labels(Facet.PLACE, ids);
        Map<String, List<FacetValue>> citiesByRegion = new HashMap<>();
        for (StringTermsBucket city : cities) {
            citiesByRegion.computeIfAbsent(parent(city.key().stringValue()), k -> new ArrayList<>())
                    .add(node(city, names, selection, List.of()));
        }
        Map<String, List<FacetValue>> regionsByCountry = new HashMap<>();
        for (StringTermsBucket region : regions) {
            String path = region.key().stringValue();
            regionsByCountry.computeIfAbsent(parent(path), k -> new ArrayList<>())
                    .add(node(region, names, selection, citiesByRegion.getOrDefault(path, List.of())));
        }
        List<FacetValue> tree = new ArrayList<>();
        for (StringTermsBucket country : countries) {
            tree.add(node(country, names, selection,
                    regionsByCountry.getOrDefault(country.key().stringValue(), List.of())));
        }
        return new FacetCounts(tree, top.sumOtherDocCount() == null ? 0 : top.sumOtherDocCount());
    }

    private static FacetValue node(StringTermsBucket bucket, Map<String, String> names, Selection selection,
            List<FacetValue> children) {
        String id = last(bucket.key().stringValue());
        return new FacetValue(id, names.getOrDefault(id, id), count(bucket.docCount(), bucket.aggregations()),
                selection.include().contains(id),
                selection.exclude().contains(id), children);
    }

    /** A bucket's count: its stories when they were counted ({@code count=stories}), else its articles. */
    static long count(long articles, Map<String, Aggregate> sub) {
        Aggregate stories = sub.get(SearchRequestFactory.STORIES);
        return stories != null && stories.isCardinality() ? stories.cardinality().value() : articles;
    }

    private static FacetCounts counting(SearchParameters parameters, FacetCounts counts) {
        return parameters.countStories() ? new FacetCounts(counts.values(), counts.other(), SearchResult.STORIES)
                : counts;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Map<String, String> labels(Facet facet, Collection<String> values) {
        if (values.isEmpty() || (facet != Facet.PERSON && facet != Facet.GROUP && facet != Facet.PLACE
                && facet != Facet.COUNTRY)) {
            return Map.of();
        }
        return labels.labels(facet, values);
    }

    /** A date histogram aggregation as returned to clients: bucket start dates and counts. */
    static DateHistogram histogram(CalendarInterval interval, DateHistogramAggregate aggregate) {
        List<DateBucket> buckets = aggregate.buckets().array().stream()
                .map(b -> new DateBucket(b.keyAsString() != null ? b.keyAsString()
                        : Instant.ofEpochMilli(b.key()).toString(), count(b.docCount(), b.aggregations())))
                .toList();
        return new DateHistogram(interval.jsonValue(), buckets);
    }

    /**
     * The archive's first and last publication dates: they choose the histogram's interval. Read once, then kept: a
     * search after {@link #SPAN_CACHE} still uses the last value while one background read renews it, so no search
     * waits for that extra query once the first has been made.
     */
    SearchRequestFactory.@Nullable DateSpan dataSpan() throws IOException {
        CachedSpan cached = span.get();
        if (cached == null) {
            return readSpan();
        }
        if (cached.at().plus(SPAN_CACHE).isBefore(Instant.now()) && renewingSpan.compareAndSet(false, true)) {
            Thread.ofVirtual().name("date-span").start(() -> {
                try {
                    readSpan();
                } catch (IOException | RuntimeException e) {
                    log.debug("Could not renew the archive's date span: {}", e.toString());
                } finally {
                    renewingSpan.set(false);
                }
            });
        }
        return cached.span();
    }

    private SearchRequestFactory.@Nullable DateSpan readSpan() throws IOException {
        var response = index.search(s -> s.size(0)
                .aggregations("first", a -> a.min(m -> m.field("published")))
                .aggregations("last", a -> a.max(m -> m.field("published"))), Void.class);
        Double first = response.aggregations().get("first").min().value();
        Double last = response.aggregations().get("last").max().value();
        if (first == null || last == null || first.isInfinite() || last.isInfinite()) {
            return null;
        }
        var result = new SearchRequestFactory.DateSpan(Instant.ofEpochMilli(first.longValue()),
                Instant.ofEpochMilli(last.longValue()));
        span.set(new CachedSpan(result, Instant.now()));
        return result;
    }

    /**
     * The hits of a collapsed page, each with its story's copies among the matches: one more request for the whole
     * page ({@link SearchRequestFactory#copiesOf}), none for an empty page.
     */
    private List<SearchHit> withCopies(List<Hit<StoredHit>> page, SearchParameters searched, int strictWords)
            throws IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> clusters = new ArrayList<>();
        boolean unclustered = false;
        for (Hit<StoredHit> hit : page) {
            String cluster = clusterOf(hit);
            if (cluster == null) {
                unclustered = true;
            } else {
                clusters.add(cluster);
            }
        }
        var copies = index.search(SearchRequestFactory.copiesOf(index.alias(), searched, strictWords, clusters,
                unclustered), Void.class).aggregations();
        return withCopies(page, copies);
    }

    /** The page's hits with the copies {@link SearchRequestFactory#copiesOf} found for each one's cluster. */
    static List<SearchHit> withCopies(List<Hit<StoredHit>> page, Map<String, Aggregate> copies) {
        Map<String, Members> byCluster = new HashMap<>();
        Aggregate clusters = copies.get(SearchRequestFactory.CLUSTERS);
        if (clusters != null) {
            for (StringTermsBucket bucket : clusters.sterms().buckets().array()) {
                byCluster.put(bucket.key().stringValue(), new Members(bucket.docCount(),
                        bucket.aggregations().get(SearchRequestFactory.EARLIEST)));
            }
        }
        Aggregate unclustered = copies.get(SearchRequestFactory.UNCLUSTERED);
        Members withoutCluster = unclustered == null ? null : new Members(unclustered.missing().docCount(),
                unclustered.missing().aggregations().get(SearchRequestFactory.EARLIEST));
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (Hit<StoredHit> hit : page) {
            String cluster = clusterOf(hit);
            hits.add(withCopies(toHit(hit), cluster, cluster == null ? withoutCluster : byCluster.get(cluster)));
        }
        return hits;
    }

    /** A story's matching articles: how many, and the earliest published of them ({@code top_hits}). */
    private record Members(long count, @Nullable Aggregate earliest) {}

    private static @Nullable String docValue(co.elastic.clients.json.@Nullable JsonData values) {
        if (values == null) {
            return null;
        }
        JsonNode node = values.to(JsonNode.class);
        JsonNode first = node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
        return first == null || first.isNull() ? null : first.asString();
    }

    /** The story of a collapsed hit, or null for an article without one. */
    private static @Nullable String clusterOf(Hit<StoredHit> hit) {
        var field = hit.fields().get("cluster");
        if (field == null) {
            return null;
        }
        JsonNode values = field.to(JsonNode.class);
        JsonNode first = values.isArray() && !values.isEmpty() ? values.get(0) : values;
        return first == null || !first.isString() ? null : first.asString();
    }

    /**
     * A hit standing for its cluster's matching articles: how many others there are and the sources of the first few
     * (earliest published first, the hit itself left out), the earliest being the leader. A cluster the count did
     * not see (the archive changed between the two requests) leaves the hit alone with its story.
     */
    private static SearchHit withCopies(SearchHit plain, @Nullable String cluster, @Nullable Members members) {
        if (members == null || members.earliest() == null) {
            return plain.withCopies(cluster, null, 0, List.of());
        }
        String leader = null;
        Set<String> sources = new LinkedHashSet<>();
        for (var member : members.earliest().topHits().hits().hits()) {
            String id = docValue(member.fields().get("id"));
            if (leader == null) {
                leader = id == null ? "" : id;
            }
            String source = docValue(member.fields().get("source"));
            if (!plain.id().equals(id) && source != null) {
                sources.add(source);
            }
        }
        return plain.withCopies(cluster, leader, Math.max(0, members.count() - 1), List.copyOf(sources));
    }

    static SearchHit toHit(Hit<StoredHit> hit) {
        StoredHit source = hit.source();
        if (source == null) {
            source = new StoredHit(hit.id(), null, null, null, null, null, null, null);
        }
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight.get("title"), HtmlUtils.htmlEscape(source.title() == null ? "" : source.title()));
        String snippet = first(highlight.get("body"), "");
        JsonNode entities = source.entities();
        String marked = snippet;
        if (!snippet.isEmpty()) {
            List<MentionSpans.Named> named = StoredEntities.named(entities);
            if (!named.isEmpty()) {
                marked = SnippetMarker.mark(snippet, plain -> MentionSpans.find(plain, named));
            }
        }
        return new SearchHit(source.id() == null ? hit.id() : source.id(), title, snippet, marked, source.published(),
                source.source(), source.section(), source.tags() == null ? List.of() : source.tags(), source.url(),
                hit.score() == null ? 0 : hit.score(), StoredEntities.forAnswer(entities));
    }

    private static String first(List<String> fragments, String fallback) {
        return fragments == null || fragments.isEmpty() ? fallback : fragments.getFirst();
    }
}
