package org.clipfile.enrich.places;

import org.jspecify.annotations.Nullable;

/**
 * A place of the gazetteer, or one the gazetteer does not know ({@link PlaceKind#LOCALITY}).
 *
 * @param id stable: {@code place:geonames:<GeoNames id>}, {@code place:region:<country>.<admin1>},
 *     {@code place:country:<ISO code>}, {@code place:area:<slug>}; {@code place:city:<country>.<admin1>.<slug>}
 *     for the few GeoNames places exported without an id; {@code place:unresolved:<country>:<slug>} otherwise
 * @param countryCode ISO 3166-1 alpha-2; null for areas
 * @param regionCode GeoNames admin1 code with its country, "SY.12"; null for countries and areas
 * @param lat latitude, NaN when there are no coordinates
 * @param lon longitude, NaN when there are no coordinates
 * @param population GeoNames population of a city; for a region or country, the sum over its listed places
 * @param featureCode GeoNames feature code of a city (PPLC capital, PPLA region seat, PPL ...), else empty
 */
public record Place(
        String id,
        PlaceKind kind,
        String name,
        @Nullable String countryCode,
        @Nullable String regionCode,
        double lat,
        double lon,
        long population,
        CoordinateSource coordinates,
        String featureCode) {

    public boolean hasCoordinates() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }

    public @Nullable Double latitude() {
        return hasCoordinates() ? lat : null;
    }

    public @Nullable Double longitude() {
        return hasCoordinates() ? lon : null;
    }
}
