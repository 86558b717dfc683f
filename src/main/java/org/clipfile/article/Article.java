package org.clipfile.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.entity.SalienceEstimate;
import org.jspecify.annotations.Nullable;

/**
 * A news article as Clipfile stores it. The same record is parsed, enriched, indexed and returned. Its people,
 * groups and places ({@code entities}) are stored whole, so a new index can be filled without running entity
 * recognition again; the fields that search and facets use are derived from them when the article is written.
 *
 * @param id deterministic: from the canonical URL when there is one, else from the content hash
 * @param contentHash SHA-256 of the normalised title and body
 * @param cluster the story this article is a copy of (see {@code org.clipfile.copies}): the id of the cluster's first
 *     article; null until assigned, and then the article's own id
 * @param labels editors' labels (see {@code org.clipfile.labels}), apart from the source's own {@code tags}: kept
 *     when the article is ingested again, copied by a re-index like every other field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        String id,
        String title,
        String body,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String url,
        @Nullable String section,
        List<String> tags,
        @Nullable String byline,
        @Nullable String language,
        @JsonProperty("ingested_at") Instant ingestedAt,
        @JsonProperty("content_hash") String contentHash,
        @Nullable Enrichment entities,
        @Nullable String cluster,
        List<String> labels) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** An article without editors' labels (as every source gives it). */
    public Article(String id, String title, String body, @Nullable Instant published, @Nullable String source,
            @Nullable String url, @Nullable String section, List<String> tags, @Nullable String byline,
            @Nullable String language, Instant ingestedAt, String contentHash, @Nullable Enrichment entities,
            @Nullable String cluster) {
        this(id, title, body, published, source, url, section, tags, byline, language, ingestedAt, contentHash,
                entities, cluster, List.of());
    }

    /** An article not yet given a cluster: it leads its own until a copy of an earlier story is found. */
    public Article(String id, String title, String body, @Nullable Instant published, @Nullable String source,
            @Nullable String url, @Nullable String section, List<String> tags, @Nullable String byline,
            @Nullable String language, Instant ingestedAt, String contentHash, @Nullable Enrichment entities) {
        this(id, title, body, published, source, url, section, tags, byline, language, ingestedAt, contentHash,
                entities, null, List.of());
    }

    public Article withEntities(Enrichment enrichment) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, enrichment, cluster, labels);
    }

    public Article withCluster(String clusterId) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, entities, clusterId, labels);
    }

    /** The same article with these editors' labels (an ingest carries over those the stored copy has). */
    public Article withLabels(List<String> editorsLabels) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, entities, cluster, editorsLabels);
    }

    /** Every article belongs to a cluster, its own at least: collapsing needs a value on every document. */
    @Override
    public String cluster() {
        return cluster == null ? id : cluster;
    }

    /** The MinHash sketch of the body, derived when the article is written: how copies find each other. */
    @JsonProperty(value = "dup", access = JsonProperty.Access.READ_ONLY)
    public StoredSketch dup() {
        Sketch sketch = Sketch.of(body);
        return new StoredSketch(sketch.bands(), sketch.encodedSignature(), sketch.size(), sketch.numbers(),
                sketch.lead());
    }

    /**
     * The sketch as stored: LSH band terms (indexed); the signature, the number of shingles, the body's first
     * numbers and leading names (stored only).
     */
    public record StoredSketch(List<String> bands, String signature, int size, List<String> numbers,
            List<String> lead) {}

    private Enrichment enrichment() {
        return entities == null ? Enrichment.empty() : entities;
    }

    @JsonProperty(value = "people", access = JsonProperty.Access.READ_ONLY)
    public List<String> people() {
        return enrichment().people().stream().map(EntityFacet::id).toList();
    }

    @JsonProperty(value = "people_names", access = JsonProperty.Access.READ_ONLY)
    public List<String> peopleNames() {
        return names(enrichment().people());
    }

    @JsonProperty(value = "groups", access = JsonProperty.Access.READ_ONLY)
    public List<String> groups() {
        return enrichment().groups().stream().map(EntityFacet::id).toList();
    }

    @JsonProperty(value = "groups_names", access = JsonProperty.Access.READ_ONLY)
    public List<String> groupsNames() {
        return names(enrichment().groups());
    }

    /** Every place and every place above it: a filter on a country matches articles naming only its cities. */
    @JsonProperty(value = "places", access = JsonProperty.Access.READ_ONLY)
    public List<String> places() {
        Set<String> ids = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment().places()) {
            ids.add(place.id());
            ids.addAll(place.ancestorIds());
        }
        return List.copyOf(ids);
    }

    @JsonProperty(value = "places_names", access = JsonProperty.Access.READ_ONLY)
    public List<String> placesNames() {
        Set<String> names = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment().places()) {
            names.add(place.name());
            names.addAll(place.variants());
        }
        return List.copyOf(names);
    }

    @JsonProperty(value = "place_countries", access = JsonProperty.Access.READ_ONLY)
    public List<String> placeCountries() {
        return enrichment().places().stream().map(PlaceFacet::countryCode).filter(c -> c != null).distinct()
                .toList();
    }

    /**
     * The place hierarchy as paths of place ids, one per level ({@code country}, {@code country/region},
     * {@code country/region/city}): the facet counts each level from them.
     */
    @JsonProperty(value = "place_paths", access = JsonProperty.Access.READ_ONLY)
    public List<String> placePaths() {
        Set<String> paths = new LinkedHashSet<>();
        for (PlaceFacet place : enrichment().places()) {
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

    /** The country level of {@link #placePaths()}: the place facet counts each level from its own field. */
    @JsonProperty(value = "place_tree_countries", access = JsonProperty.Access.READ_ONLY)
    public List<String> placeTreeCountries() {
        return pathsAtLevel(0);
    }

    /** The region level of {@link #placePaths()} ({@code country/region}). */
    @JsonProperty(value = "place_tree_regions", access = JsonProperty.Access.READ_ONLY)
    public List<String> placeTreeRegions() {
        return pathsAtLevel(1);
    }

    /** The city level of {@link #placePaths()} ({@code country/region/city}). */
    @JsonProperty(value = "place_tree_cities", access = JsonProperty.Access.READ_ONLY)
    public List<String> placeTreeCities() {
        return pathsAtLevel(2);
    }

    private List<String> pathsAtLevel(int slashes) {
        return placePaths().stream().filter(p -> p.chars().filter(c -> c == '/').count() == slashes).toList();
    }

    /** Where the article's places are, for the map: known coordinates only, never guessed ones. */
    @JsonProperty(value = "place_points", access = JsonProperty.Access.READ_ONLY)
    public List<Map<String, Double>> placePoints() {
        return enrichment().places().stream()
                .filter(p -> p.lat() != null && p.lon() != null && !p.guessed())
                .map(p -> Map.of("lat", p.lat(), "lon", p.lon()))
                .toList();
    }

    /**
     * One entry per person, group and place: its type, ids (a place's with those of the places above it), names and
     * salience, as nested documents: scoped queries and entity filters rank by the salience of the entity matched.
     */
    @JsonProperty(value = "entity_salience", access = JsonProperty.Access.READ_ONLY)
    public List<Map<String, Object>> entitySalience() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (EntityFacet entity : enrichment().people()) {
            entries.add(salienceEntry("person", List.of(entity.id()), entity.name(), entity.variants(),
                    entity.salience(), entity.mentions()));
        }
        for (EntityFacet entity : enrichment().groups()) {
            entries.add(salienceEntry("group", List.of(entity.id()), entity.name(), entity.variants(),
                    entity.salience(), entity.mentions()));
        }
        for (PlaceFacet place : enrichment().places()) {
            List<String> ids = new ArrayList<>();
            ids.add(place.id());
            ids.addAll(place.ancestorIds());
            entries.add(salienceEntry("place", ids, place.name(), place.variants(), place.salience(),
                    place.mentions()));
        }
        return entries;
    }

    private static Map<String, Object> salienceEntry(String type, List<String> ids, String name,
            List<String> variants, double salience, int mentions) {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        names.addAll(variants);
        return Map.of("type", type, "ids", ids, "names", List.copyOf(names),
                "value", salience > 0 ? salience : SalienceEstimate.of(mentions));
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
