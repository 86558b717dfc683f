package org.clipfile.enrich.places;

/** Levels of the place hierarchy, from the top. */
public enum PlaceKind {
    /** Above countries: Middle East, Europe, the Gulf. No country, no coordinates. */
    AREA,
    COUNTRY,
    /** A first-level division: province, governorate, state, oblast (GeoNames admin1). */
    REGION,
    /** A populated place: city, town, village. */
    CITY,
    /** A named place the gazetteer does not list (Atme): its region and country are guessed from the article. */
    LOCALITY
}
