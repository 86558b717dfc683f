package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.GeoTileGridBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clipfile.article.Article;
import org.clipfile.enrich.ReferenceCatalogue;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.places.Place;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.index.ArticleDocument;
import org.clipfile.index.ArticleIndex;
import org.clipfile.search.Exploration.Cell;
import org.clipfile.search.Exploration.EntityPage;
import org.clipfile.search.Exploration.MapCells;
import org.clipfile.search.Exploration.Named;
import org.clipfile.search.Exploration.PlaceInfo;
import org.clipfile.search.Exploration.Related;
import org.clipfile.search.Exploration.Suggestions;
import org.clipfile.search.Exploration.Unusual;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The map, entity pages, entity suggestions and related articles, each under the current search. */
@Service
public class ExploreService {
    private static final List<Facet> ENTITY_FACETS = List.of(Facet.PERSON, Facet.GROUP, Facet.PLACE);
    private static final int SUGGESTION_CANDIDATES = 100;

    private final ArticleIndex index;
    private final SearchService search;
    private final FacetLabels labels;
    private final ReferenceCatalogue catalogue;

    public ExploreService(ArticleIndex index, SearchService search, FacetLabels labels,
            ReferenceCatalogue catalogue) {
        this.index = index;
        this.search = search;
        this.labels = labels;
        this.catalogue = catalogue;
    }

    /** The facet an entity id belongs to: person, group or place; empty for anything else. */
    public static Optional<Facet> facetOf(String id) {
        return ENTITY_FACETS.stream().filter(f -> id.startsWith(f.parameter() + ":") && id.length() > 7)
                .findFirst();
    }

    public MapCells map(SearchParameters parameters, int zoom, int cells) throws IOException {
        var response = index.search(ExploreRequests.map(index.alias(), parameters, zoom, cells), Void.class);
        List<GeoTileGridBucket> buckets = response.aggregations().get("cells").geotileGrid().buckets().array();
        List<Cell> result = new ArrayList<>();
        for (GeoTileGridBucket bucket : buckets) {
            BoundingBox tile = BoundingBox.ofTile(bucket.key());
            List<StringTermsBucket> places = bucket.aggregations().get("places").sterms().buckets().array();
            List<String> inside = new ArrayList<>();
            double weight = 0;
            double latSum = 0;
            double lonSum = 0;
            for (StringTermsBucket place : places) {
                Optional<Place> known = catalogue.place(place.key().stringValue());
                if (known.isPresent() && known.get().hasCoordinates()
                        && tile.contains(known.get().lat(), known.get().lon())) {
                    inside.add(place.key().stringValue());
                    weight += place.docCount();
                    latSum += known.get().lat() * place.docCount();
                    lonSum += known.get().lon() * place.docCount();
                }
            }
            // The count-weighted centre of the named places inside the cell, else the cell's middle.
            double lat = weight > 0 ? latSum / weight : (tile.south() + tile.north()) / 2;
            double lon = weight > 0 ? lonSum / weight : (tile.west() + tile.east()) / 2;
            Map<String, String> names = labels.labels(Facet.PLACE, inside);
            List<Named> top = new ArrayList<>();
            for (StringTermsBucket place : places) {
                String id = place.key().stringValue();
                if (inside.contains(id) && top.size() < 3) {
                    top.add(new Named(id, names.getOrDefault(id, id), "place", place.docCount()));
                }
            }
            result.add(new Cell(bucket.key(), bucket.docCount(), lat, lon, tile, top));
        }
        return new MapCells(zoom, result);
    }

    /** The entity page, or empty when no matching article names the entity and no reference data knows it. */
    public Optional<EntityPage> entity(SearchParameters parameters, String id) throws IOException {
        Facet facet = facetOf(id).orElseThrow(() -> new IllegalArgumentException(id));
        SearchRequestFactory.DateSpan span = search.dataSpan();
        CalendarInterval interval = SearchRequestFactory.interval(parameters, span);
        SearchResponse<JsonNode> response = index.search(
                ExploreRequests.entity(index.alias(), parameters, facet, id, interval), JsonNode.class);
        long articles = response.hits().total() == null ? 0 : response.hits().total().value();
        Optional<CanonicalEntity> registered = catalogue.entity(id);
        Optional<Place> place = catalogue.place(id);
        Set<String> aliases = new LinkedHashSet<>();
        registered.ifPresent(e -> aliases.addAll(e.names()));
        place.ifPresent(p -> aliases.add(p.name()));
        response.hits().hits().forEach(hit -> aliases.addAll(StoredEntities.namesOf(
                hit.source() == null ? null : hit.source().get("entities"), id)));
        if (articles == 0 && aliases.isEmpty()) {
            return Optional.empty();
        }
        String name = aliases.isEmpty() ? id : aliases.iterator().next();
        Map<String, List<Named>> cooccurring = new LinkedHashMap<>();
        List<Unusual> unusual = new ArrayList<>();
        for (Facet other : ENTITY_FACETS) {
            List<StringTermsBucket> top = response.aggregations().get("with_" + other.parameter()).sterms()
                    .buckets().array();
            Map<String, String> names = labels.labels(other, top.stream().map(b -> b.key().stringValue()).toList());
            cooccurring.put(other.parameter(), top.stream().map(b -> new Named(b.key().stringValue(),
                    names.getOrDefault(b.key().stringValue(), b.key().stringValue()), other.parameter(),
                    b.docCount())).toList());
            Aggregate significant = response.aggregations().get("unusual_" + other.parameter());
            List<SignificantStringTermsBucket> odd = significant.sigsterms().buckets().array();
            Map<String, String> oddNames = labels.labels(other, odd.stream().map(b -> b.key()).toList());
            odd.forEach(b -> unusual.add(new Unusual(b.key(), oddNames.getOrDefault(b.key(), b.key()),
                    other.parameter(), b.docCount(), b.score())));
        }
        unusual.sort(Comparator.comparingDouble(Unusual::score).reversed());
        var timeline = SearchService.histogram(interval, response.aggregations().get("timeline").dateHistogram());
        PlaceInfo info = place.map(p -> new PlaceInfo(p.kind().name().toLowerCase(Locale.ROOT), p.countryCode(),
                p.regionCode() == null ? null : "place:region:" + p.regionCode(), p.latitude(), p.longitude()))
                .orElse(null);
        return Optional.of(new EntityPage(id, name, facet.parameter(), List.copyOf(aliases), articles, timeline,
                cooccurring, unusual.subList(0, Math.min(unusual.size(), ExploreRequests.COOCCURRING)), info));
    }

    /** Entities whose names have a word starting with what was typed, most named first. */
    public Suggestions suggest(String prefix, List<Facet> facets, int size) throws IOException {
        String folded = NameKeys.fold(prefix);
        if (folded.isEmpty()) {
            return new Suggestions(List.of());
        }
        var response = index.search(ExploreRequests.suggest(index.alias(), facets, prefix, SUGGESTION_CANDIDATES),
                Void.class);
        List<Named> found = new ArrayList<>();
        for (Facet facet : facets) {
            List<StringTermsBucket> candidates = response.aggregations().get(facet.parameter()).sterms().buckets()
                    .array();
            List<String> matching = candidates.stream().map(b -> b.key().stringValue())
                    .filter(id -> namesOf(id).stream().anyMatch(n -> startsAWord(NameKeys.fold(n), folded)))
                    .toList();
            Map<String, String> names = labels.labels(facet, matching);
            for (StringTermsBucket bucket : candidates) {
                String id = bucket.key().stringValue();
                if (matching.contains(id)) {
                    found.add(new Named(id, names.getOrDefault(id, id), facet.parameter(), bucket.docCount()));
                }
            }
        }
        found.sort(Comparator.comparingLong(Named::count).reversed().thenComparing(Named::name));
        return new Suggestions(found.subList(0, Math.min(size, found.size())));
    }

    /** Articles like the given one, or empty when there is no such article. */
    public Optional<Related> related(String id, int size) throws IOException {
        Optional<Article> article = index.find(id);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        // The ids the stored document holds, read from the entities alone (not the whole document, sketch included).
        Enrichment entities = article.get().entities() == null ? Enrichment.empty() : article.get().entities();
        var response = index.search(ExploreRequests.related(index.alias(), id,
                entities.people().stream().map(EntityFacet::id).toList(),
                entities.groups().stream().map(EntityFacet::id).toList(), ArticleDocument.places(entities), size),
                StoredHit.class);
        return Optional.of(new Related(response.hits().hits().stream().map(SearchService::toHit).toList()));
    }

    /**
     * The names an id can be found by without asking the index: the slug in the id itself, the registry's names
     * and the gazetteer's name.
     */
    private List<String> namesOf(String id) {
        List<String> names = new ArrayList<>();
        names.add(id.substring(id.lastIndexOf(':') + 1).replace('-', ' '));
        catalogue.entity(id).ifPresent(e -> names.addAll(e.names()));
        catalogue.place(id).ifPresent(p -> names.add(p.name()));
        return names;
    }

    static boolean startsAWord(String foldedName, String foldedPrefix) {
        return foldedName.startsWith(foldedPrefix) || foldedName.contains(" " + foldedPrefix);
    }
}
