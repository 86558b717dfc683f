package org.clipfile.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A place of an article with its hierarchy, as indexed and faceted.
 *
 * @param id stable: {@code place:geonames:<id>} (cities), {@code place:region:SY.12}, {@code place:country:SY},
 *     {@code place:area:middle-east}, {@code place:unresolved:sy:atme} (not in the gazetteer)
 * @param kind {@code area}, {@code country}, {@code region}, {@code city} or {@code locality} (a place the
 *     gazetteer does not list)
 * @param countryCode ISO 3166-1 alpha-2; null for areas and for a locality with no country to guess
 * @param regionId the region the place is in, or the place itself when it is a region
 * @param cityId the place itself when it is a city or locality
 * @param lat latitude of the place itself: a city's point, a region's seat, a country's capital (or a centroid,
 *     see {@code coordinates}); null for areas and localities, whose position is unknown
 * @param coordinates where lat/lon come from: {@code place}, {@code seat}, {@code capital}, {@code centroid}, {@code none}
 * @param guessed true for a locality: region and country are the article's most mentioned ones, not known facts
 * @param ancestorIds the region and country above the place, nearest first
 * @param variants lowercase name variants to index for search (the names the article uses, folded; the index keys
 *     them itself, see {@code org.clipfile.enrich.names.NameKeys})
 * @param mentions how many times the article mentions it
 * @param salience how much the article is about it, 0 to 1 (see {@code org.clipfile.enrich.Salience}); 0 when
 *     unknown
 */
public record PlaceFacet(
        String id,
        String name,
        String kind,
        @Nullable String countryCode,
        @Nullable String countryName,
        @Nullable String regionId,
        @Nullable String regionName,
        @Nullable String cityId,
        @Nullable String cityName,
        @Nullable Double lat,
        @Nullable Double lon,
        String coordinates,
        boolean guessed,
        List<String> ancestorIds,
        List<String> variants,
        int mentions,
        double salience) {

    public PlaceFacet {
        ancestorIds = List.copyOf(ancestorIds);
        variants = List.copyOf(variants);
    }

    /** The same place with other search variants. */
    public PlaceFacet withVariants(List<String> newVariants) {
        return new PlaceFacet(id, name, kind, countryCode, countryName, regionId, regionName, cityId, cityName, lat,
                lon, coordinates, guessed, ancestorIds, newVariants, mentions, salience);
    }

    /** Without a salience (unknown). */
    public PlaceFacet(String id, String name, String kind, @Nullable String countryCode, @Nullable String countryName,
            @Nullable String regionId, @Nullable String regionName, @Nullable String cityId, @Nullable String cityName,
            @Nullable Double lat, @Nullable Double lon, String coordinates, boolean guessed, List<String> ancestorIds,
            List<String> variants, int mentions) {
        this(id, name, kind, countryCode, countryName, regionId, regionName, cityId, cityName, lat, lon, coordinates,
                guessed, ancestorIds, variants, mentions, 0);
    }
}
