package org.clipfile.enrich.places;

/** Where a place's coordinates come from, so a map can say how far to trust the point. */
public enum CoordinateSource {
    /** The populated place's own GeoNames point. */
    PLACE,
    /** A country at its capital (GeoNames feature PPLC). */
    CAPITAL,
    /** A region at its seat (GeoNames feature PPLA). */
    SEAT,
    /** The mean position of the places the gazetteer lists in a region or country without a capital or seat. */
    CENTROID,
    /** No coordinates: areas, and places the gazetteer does not know. */
    NONE
}
