package org.clipfile.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The people, groups and places of an article as the API shows them: the fields of {@link Enrichment} in the API's
 * snake_case, without the lowercase name variants kept for indexing (the stored {@code entities} object keeps its
 * own field names, see {@code org.clipfile.index.ArticleDocument}).
 */
public record EntitiesView(List<EntityView> people, List<EntityView> groups, List<PlaceView> places,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EntityView> removed,
        @JsonProperty("removed_places") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PlaceView> removedPlaces) {

    public static EntitiesView of(Enrichment enrichment) {
        return new EntitiesView(enrichment.people().stream().map(EntityView::of).toList(),
                enrichment.groups().stream().map(EntityView::of).toList(),
                enrichment.places().stream().map(PlaceView::of).toList(),
                enrichment.removed().stream().map(EntityView::of).toList(),
                enrichment.removedPlaces().stream().map(PlaceView::of).toList());
    }

    /** A person or group (see {@link EntityFacet}). */
    public record EntityView(String id, String name, String type, int mentions, @Nullable List<String> names,
            @Nullable List<LinkView> linked, double salience) {
        static EntityView of(EntityFacet facet) {
            return new EntityView(facet.id(), facet.name(), facet.type(), facet.mentions(), facet.names(),
                    facet.linked() == null ? null : facet.linked().stream().map(LinkView::of).toList(),
                    facet.salience());
        }
    }

    /** An entity as the article alone resolved it, and why the archive linked it (see {@link EntityFacet.Link}). */
    public record LinkView(@JsonProperty("from_id") String fromId, @JsonProperty("from_name") String fromName,
            List<String> names, int mentions, String reason, double salience) {
        static LinkView of(EntityFacet.Link link) {
            return new LinkView(link.fromId(), link.fromName(), link.names(), link.mentions(), link.reason(),
                    link.salience());
        }
    }

    /** A place with its hierarchy (see {@link PlaceFacet}). */
    public record PlaceView(String id, String name, String kind,
            @JsonProperty("country_code") @Nullable String countryCode,
            @JsonProperty("country_name") @Nullable String countryName,
            @JsonProperty("region_id") @Nullable String regionId,
            @JsonProperty("region_name") @Nullable String regionName,
            @JsonProperty("city_id") @Nullable String cityId,
            @JsonProperty("city_name") @Nullable String cityName,
            @Nullable Double lat, @Nullable Double lon, String coordinates, boolean guessed,
            @JsonProperty("ancestor_ids") List<String> ancestorIds, int mentions, double salience) {
        static PlaceView of(PlaceFacet place) {
            return new PlaceView(place.id(), place.name(), place.kind(), place.countryCode(), place.countryName(),
                    place.regionId(), place.regionName(), place.cityId(), place.cityName(), place.lat(), place.lon(),
                    place.coordinates(), place.guessed(), place.ancestorIds(), place.mentions(), place.salience());
        }
    }
}
