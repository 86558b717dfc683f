package org.clipfile.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.clipfile.enrich.MentionSpans;
import org.clipfile.index.ArticleIndex;
import org.clipfile.search.SearchResult.DateBucket;
import org.clipfile.search.SearchResult.DateHistogram;
import org.clipfile.search.SearchResult.FacetCounts;
import org.clipfile.search.SearchResult.FacetValue;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Runs searches against the article alias and turns the response into results and facet counts. */
@Service
public class SearchService {
    private static final Duration SPAN_CACHE = Duration.ofMinutes(5);

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final FacetLabels labels;
    private final AtomicReference<CachedSpan> span = new AtomicReference<>();

    private record CachedSpan(SearchRequestFactory.DateSpan span, Instant at) {}

    public SearchService(ElasticsearchClient client, ArticleIndex index, ObjectProvider<FacetLabels> labels) {
        this.client = client;
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
        return search(parameters, cursor, false);
    }

    /**
     * A search that may show one hit per story ({@code collapse}): copies of one story are then folded into the
     * best-ranked one, which counts and names them. Cursor pages are never collapsed (Elasticsearch allows
     * {@code search_after} with collapsing only when sorting on the collapsed field).
     */
    public SearchResult search(SearchParameters parameters, @Nullable String cursor, boolean collapse)
            throws IOException {
        SearchRequestFactory.DateSpan archiveSpan = dataSpan();
        SearchResponse<JsonNode> response;
        if (cursor == null) {
            response = client.search(SearchRequestFactory.search(index.alias(), parameters, archiveSpan, collapse),
                    JsonNode.class);
        } else {
            Cursor position = cursor.isBlank()
                    ? new Cursor(openPointInTime(), List.of())
                    : Cursor.decode(cursor);
            response = client.search(SearchRequestFactory.cursorPage(parameters, position.pit(), position.after(),
                    archiveSpan), JsonNode.class);
        }
        String next = null;
        if (cursor != null && response.hits().hits().size() == parameters.size()) {
            var last = response.hits().hits().getLast();
            next = new Cursor(response.pitId(), last.sort()).encode();
        }
        long total = response.hits().total() == null ? -1 : response.hits().total().value();
        List<SearchHit> hits = response.hits().hits().stream().map(SearchService::toHitWithCopies).toList();
        Map<String, FacetCounts> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregate filtered = response.aggregations().get(facet.parameter());
            if (filtered == null) {
                continue;
            }
            Map<String, Aggregate> counts = filtered.filter().aggregations();
            Selection selection = parameters.selections().getOrDefault(facet, new Selection(List.of(), List.of()));
            facets.put(facet.parameter(), facet == Facet.PLACE
                    ? placeTree(counts, selection)
                    : values(facet, counts.get("values").sterms(), selection));
        }
        return new SearchResult(total, parameters.page(), parameters.size(), hits, facets,
                dates(response, SearchRequestFactory.interval(parameters, archiveSpan)), next);
    }

    /** One page of a facet's values, optionally only those containing {@code contains}, by count or by name. */
    public FacetCounts facetValues(SearchParameters parameters, Facet facet, @Nullable String contains,
            boolean byName, int page, int size) throws IOException {
        String match = contains;
        if (match != null && (facet == Facet.PERSON || facet == Facet.GROUP)) {
            // Ids are slugs of the names: "Kirby" finds person:john-kirby.
            match = org.clipfile.enrich.names.NameKeys.slug(match);
        }
        var response = client.search(SearchRequestFactory.facetValues(index.alias(), parameters, facet, match,
                byName, page * size), Void.class);
        StringTermsAggregate terms = response.aggregations().get("values").sterms();
        Selection selection = parameters.selections().getOrDefault(facet, new Selection(List.of(), List.of()));
        FacetCounts all = values(facet, terms, selection);
        List<FacetValue> pageValues = all.values().subList(Math.min(all.values().size(), (page - 1) * size),
                all.values().size());
        return new FacetCounts(pageValues, all.other());
    }

    public String openPointInTime() throws IOException {
        return client.openPointInTime(o -> o.index(index.alias())
                .keepAlive(k -> k.time(SearchRequestFactory.CURSOR_KEEP_ALIVE))).id();
    }

    private FacetCounts values(Facet facet, StringTermsAggregate terms, Selection selection) {
        List<String> keys = terms.buckets().array().stream().map(b -> b.key().stringValue()).toList();
        Map<String, String> names = labels(facet, keys);
        List<FacetValue> values = new ArrayList<>();
        for (StringTermsBucket bucket : terms.buckets().array()) {
            String key = bucket.key().stringValue();
            values.add(new FacetValue(key, names.getOrDefault(key, key), bucket.docCount(),
                    selection.include().contains(key), selection.exclude().contains(key), List.of()));
        }
        return new FacetCounts(values, terms.sumOtherDocCount() == null ? 0 : terms.sumOtherDocCount());
    }

    /** Builds country, region, city nodes from path buckets; ids are the last segment of each path. */
    private FacetCounts placeTree(Map<String, Aggregate> counts, Selection selection) {
        List<StringTermsBucket> countries = counts.get("countries").sterms().buckets().array();
        List<StringTermsBucket> regions = counts.get("regions").sterms().buckets().array();
        List<StringTermsBucket> cities = counts.get("cities").sterms().buckets().array();
        Set<String> ids = new HashSet<>();
        for (List<StringTermsBucket> level : List.of(countries, regions, cities)) {
            level.forEach(b -> ids.add(last(b.key().stringValue())));
        }
        Map<String, String> names = labels(Facet.PLACE, ids);
        List<FacetValue> tree = new ArrayList<>();
        for (StringTermsBucket country : countries) {
            String countryPath = country.key().stringValue();
            List<FacetValue> regionNodes = new ArrayList<>();
            for (StringTermsBucket region : regions) {
                String regionPath = region.key().stringValue();
                if (!regionPath.startsWith(countryPath + "/")) {
                    continue;
                }
                List<FacetValue> cityNodes = new ArrayList<>();
                for (StringTermsBucket city : cities) {
                    if (city.key().stringValue().startsWith(regionPath + "/")) {
                        cityNodes.add(node(city, names, selection, List.of()));
                    }
                }
                regionNodes.add(node(region, names, selection, cityNodes));
            }
            tree.add(node(country, names, selection, regionNodes));
        }
        StringTermsAggregate top = counts.get("countries").sterms();
        return new FacetCounts(tree, top.sumOtherDocCount() == null ? 0 : top.sumOtherDocCount());
    }

    private static FacetValue node(StringTermsBucket bucket, Map<String, String> names, Selection selection,
            List<FacetValue> children) {
        String id = last(bucket.key().stringValue());
        return new FacetValue(id, names.getOrDefault(id, id), bucket.docCount(), selection.include().contains(id),
                selection.exclude().contains(id), children);
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

    private static DateHistogram dates(SearchResponse<JsonNode> response, CalendarInterval interval) {
        Aggregate filtered = response.aggregations().get(SearchRequestFactory.DATE_FACET);
        if (filtered == null) {
            return new DateHistogram("year", List.of());
        }
        return histogram(interval, filtered.filter().aggregations().get("histogram").dateHistogram());
    }

    /** A date histogram aggregation as returned to clients: bucket start dates and counts. */
    static DateHistogram histogram(CalendarInterval interval, DateHistogramAggregate aggregate) {
        List<DateBucket> buckets = aggregate.buckets().array().stream()
                .map(b -> new DateBucket(b.keyAsString() != null ? b.keyAsString()
                        : Instant.ofEpochMilli(b.key()).toString(), b.docCount()))
                .toList();
        return new DateHistogram(interval.jsonValue(), buckets);
    }

    /** The archive's first and last publication dates, cached: they choose the histogram's interval. */
    SearchRequestFactory.@Nullable DateSpan dataSpan() throws IOException {
        CachedSpan cached = span.get();
        if (cached != null && cached.at().plus(SPAN_CACHE).isAfter(Instant.now())) {
            return cached.span();
        }
        var response = client.search(s -> s.index(index.alias()).size(0)
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

    /** A hit, and when it stands for a cluster of copies, how many others it has and their sources. */
    static SearchHit toHitWithCopies(Hit<JsonNode> hit) {
        SearchHit plain = toHit(hit);
        var inner = hit.innerHits().get(SearchRequestFactory.COPIES);
        if (inner == null) {
            return plain;
        }
        var copies = inner.hits();
        long members = copies.total() == null ? copies.hits().size() : copies.total().value();
        String leader = null;
        Set<String> sources = new java.util.LinkedHashSet<>();
        for (var copy : copies.hits()) {
            JsonNode source = copy.source() == null ? null : copy.source().to(JsonNode.class);
            if (source == null) {
                continue;
            }
            String id = text(source, "id");
            if (leader == null) {
                leader = id;
            }
            if (!id.equals(plain.id()) && source.hasNonNull("source")) {
                sources.add(source.get("source").asString());
            }
        }
        String cluster = hit.fields().containsKey("cluster") ? hit.fields().get("cluster").to(JsonNode.class).get(0)
                .asString() : null;
        return plain.withCopies(cluster, leader, Math.max(0, members - 1), List.copyOf(sources));
    }

    static SearchHit toHit(Hit<JsonNode> hit) {
        JsonNode source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = first(highlight.get("title"), HtmlUtils.htmlEscape(text(source, "title")));
        String snippet = first(highlight.get("body"), "");
        List<String> tags = new ArrayList<>();
        if (source.has("tags")) {
            source.get("tags").forEach(t -> tags.add(t.asString()));
        }
        String published = text(source, "published");
        JsonNode entities = source.get("entities");
        String marked = snippet;
        if (!snippet.isEmpty()) {
            List<MentionSpans.Named> named = StoredEntities.named(entities);
            if (!named.isEmpty()) {
                marked = SnippetMarker.mark(snippet, plain -> MentionSpans.find(plain, named));
            }
        }
        return new SearchHit(text(source, "id"), title, snippet, marked,
                published.isEmpty() ? null : Instant.parse(published), nullable(source, "source"),
                nullable(source, "section"), tags, nullable(source, "url"), hit.score() == null ? 0 : hit.score(),
                entities);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static @Nullable String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String first(List<String> fragments, String fallback) {
        return fragments == null || fragments.isEmpty() ? fallback : fragments.getFirst();
    }
}
