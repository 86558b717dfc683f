package org.clipfile.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The responses of the exploring endpoints: map cells, entity pages, suggestions and related articles. */
public final class Exploration {
    private Exploration() {}

    /**
     * Grid cells of the map at a zoom level, each with the number of matching articles naming a place inside it,
     * the centre of those places, the cell's rectangle (to filter with {@code bbox=}) and its most named places.
     */
    public record MapCells(int zoom, List<Cell> cells) {}

    public record Cell(String key, long count, double lat, double lon, BoundingBox bbox, List<Named> top) {}

    /** An entity or place with a count of articles; {@code type} is person, group or place. */
    public record Named(String id, String name, String type, long count) {}

    public record Suggestions(List<Named> entities) {}

    /**
     * An entity under the current search.
     *
     * @param aliases the names the registry and the articles give it, the display name first
     * @param place for a place: where it is and what it is in; null otherwise
     * @param cooccurring per type (person, group, place), the entities the same articles name most
     * @param unusual the entities the same articles name far more often than the archive does (significant terms)
     */
    public record EntityPage(String id, String name, String type, List<String> aliases, long articles,
            SearchResult.DateHistogram timeline, java.util.Map<String, List<Named>> cooccurring,
            List<Unusual> unusual, @Nullable PlaceInfo place) {}

    public record Unusual(String id, String name, String type, long count, double score) {}

    public record PlaceInfo(String kind, @JsonProperty("country_code") @Nullable String countryCode,
            @JsonProperty("region_id") @Nullable String regionId,
            @Nullable Double lat, @Nullable Double lon) {}

    public record Related(List<SearchHit> hits) {}
}
