package org.clipfile.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clipfile.article.Article;
import org.clipfile.article.Sketch;
import org.clipfile.article.StoryNames;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.entity.SalienceEstimate;
import org.jspecify.annotations.Nullable;

/**
 * An article as stored in the article index ({@code mappings/articles.json}): the {@link Article}'s own fields, and
 * the fields search and facets use, derived from its entities and body by {@link #of(Article)} when it is written.
 * Read back, the derived fields are skipped (they are {@code null} in a document read) and {@link #toArticle()} gives
 * the article again; a new index is filled from the article, so the derived fields are always computed afresh.
 */
@JsonIgnoreProperties(ignoreUnknown = true, allowGetters = true, value = {"dup", "entity_salience", "groups",
        "groups_names", "people", "people_names", "place_countries", "place_paths", "place_points",
        "place_tree_cities", "place_tree_countries", "place_tree_regions", "places", "places_names"})
public record ArticleDocument(
        String id,
        String title,
        String body,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String url,
        @Nullable String section,
        @Nullable List<String> tags,
        @Nullable String byline,
        @Nullable String language,
        @JsonProperty("ingested_at") Instant ingestedAt,
        @JsonProperty("content_hash") String contentHash,
        @Nullable Enrichment entities,
        @Nullable String cluster,
        @Nullable List<String> labels,
        @Nullable StoredSketch dup,
        @JsonProperty("entity_salience") @Nullable List<SalienceEntry> entitySalience,
        @Nullable List<String> groups,
        @JsonProperty("groups_names") @Nullable List<String> groupsNames,
        @Nullable List<String> people,
        @JsonProperty("people_names") @Nullable List<String> peopleNames,
        @JsonProperty("place_countries") @Nullable List<String> placeCountries,
        @JsonProperty("place_paths") @Nullable List<String> placePaths,
        @JsonProperty("place_points") @Nullable List<Point> placePoints,
        @JsonProperty("place_tree_cities") @Nullable List<String> placeTreeCities,
        @JsonProperty("place_tree_countries") @Nullable List<String> placeTreeCountries,
        @JsonProperty("place_tree_regions") @Nullable List<String> placeTreeRegions,
        @Nullable List<String> places,
        @JsonProperty("places_names") @Nullable List<String> placesNames) {

    /**
     * The MinHash sketch of the body, as stored: LSH band terms (indexed); the signature, the number of shingles, the
     * body's first numbers and leading names, and the article's people, groups and places ({@link StoryNames}; absent
     * when it was not enriched; stored only). How copies find each other.
     */
    public record StoredSketch(List<String> bands, String signature, int size, List<String> numbers,
            List<String> lead,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Nullable List<String> names) {}

    /**
     * One nested entry per person, group and place: its type, ids (a place's with those of the places above it),
     * names and salience. Scoped queries and entity filters rank by the salience of the entity matched.
     */
    public record SalienceEntry(String type, List<String> ids, List<String> names, double value) {}

    /** A place's known position (a {@code geo_point}), for the map. */
    public record Point(double lat, double lon) {}

    /** The document to store for an article, its derived fields computed from it. */
    public static ArticleDocument of(Article article) {
        Enrichment enrichment = article.entities() == null ? Enrichment.empty() : article.entities();
        List<String> paths = placePaths(enrichment);
        return new ArticleDocument(article.id(), article.title(), article.body(), article.published(),
                article.source(), article.url(), article.section(), article.tags(), article.byline(),
                article.language(), article.ingestedAt(), article.contentHash(), article.entities(),
                article.cluster(), article.labels(), sketch(article.body(), article.entities()), entitySalience(enrichment),
                enrichment.groups().stream().map(EntityFacet::id).toList(), names(enrichment.groups()),
                enrichment.people().stream().map(EntityFacet::id).toList(), names(enrichment.people()),
                enrichment.places().stream().map(PlaceFacet::countryCode).filter(c -> c != null).distinct().toList(),
                paths, placePoints(enrichment), atLevel(paths, 2), atLevel(paths, 0), atLevel(paths, 1),
                places(enrichment), placesNames(enrichment));
    }

    /** The article this document was made from (its own fields; the derived ones are not read). */
    public Article toArticle() {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, entities, cluster, labels);
    }

    private static StoredSketch sketch(String body, @Nullable Enrichment entities) {
        Sketch sketch = Sketch.of(body);
        return new StoredSketch(sketch.bands(), sketch.encodedSignature(), sketch.size(), sketch.numbers(),
                sketch.lead(), entities == null ? null : StoryNames.of(entities));
    }

    /** Every place and every place above it: a filter on a country matches articles naming only its cities. */
    public static List<String> places(Enrichment enrichment) {
        Set<String> ids = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment.places()) {
            ids.add(place.id());
            ids.addAll(place.ancestorIds());
        }
        return List.copyOf(ids);
    }

    private static List<String> placesNames(Enrichment enrichment) {
        Set<String> names = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment.places()) {
            names.add(place.name());
            names.addAll(place.variants());
        }
        return List.copyOf(names);
    }

    /**
     * The place hierarchy as paths of place ids, one per level ({@code country}, {@code country/region},
     * {@code country/region/city}): the facet counts each level from its own field.
     */
    private static List<String> placePaths(Enrichment enrichment) {
        Set<String> paths = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment.places()) {
            if (place.countryCode() == null) {
                continue;
            }
            String country = "place:country:" + place.countryCode();
            paths.add(country);
            String region = place.regionId();
            if (region != null && !region.equals(country)) {
                paths.add(country + "/" + region);
                String city = place.cityId();
                if (city != null && !city.equals(region)) {
                    paths.add(country + "/" + region + "/" + city);
                }
            }
        }
        return List.copyOf(paths);
    }

    private static List<String> atLevel(List<String> paths, int slashes) {
        return paths.stream().filter(p -> p.chars().filter(c -> c == '/').count() == slashes).toList();
    }

    /** Known coordinates only, never guessed ones. */
    private static List<Point> placePoints(Enrichment enrichment) {
        return enrichment.places().stream()
                .filter(p -> p.lat() != null && p.lon() != null && !p.guessed())
                .map(p -> new Point(p.lat(), p.lon()))
                .toList();
    }

    private static List<SalienceEntry> entitySalience(Enrichment enrichment) {
        List<SalienceEntry> entries = new ArrayList<>();
        for (EntityFacet entity : enrichment.people()) {
            entries.add(salienceEntry("person", List.of(entity.id()), entity.name(), entity.variants(),
                    entity.salience(), entity.mentions()));
        }
        for (EntityFacet entity : enrichment.groups()) {
            entries.add(salienceEntry("group", List.of(entity.id()), entity.name(), entity.variants(),
                    entity.salience(), entity.mentions()));
        }
        for (PlaceFacet place : enrichment.places()) {
            List<String> ids = new ArrayList<>();
            ids.add(place.id());
            ids.addAll(place.ancestorIds());
            entries.add(salienceEntry("place", ids, place.name(), place.variants(), place.salience(),
                    place.mentions()));
        }
        return entries;
    }

    private static SalienceEntry salienceEntry(String type, List<String> ids, String name, List<String> variants,
            double salience, int mentions) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        names.addAll(variants);
        return new SalienceEntry(type, ids, List.copyOf(names), salience > 0 ? salience : SalienceEstimate.of(mentions));
    }

    private static List<String> names(List<EntityFacet> entities) {
        Set<String> names = new LinkedHashSet<>();
        for (EntityFacet entity : entities) {
            names.add(entity.name());
            names.addAll(entity.variants());
        }
        return List.copyOf(names);
    }
}
