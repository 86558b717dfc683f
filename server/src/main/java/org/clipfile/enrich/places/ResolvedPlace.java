package org.clipfile.enrich.places;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.enrich.ner.Mention;
import org.jspecify.annotations.Nullable;

/**
 * A place of one article with its position in the hierarchy and every mention that refers to it.
 *
 * @param region the region the place is in, or the place itself when it is a region; null above regions
 * @param country the country, or the place itself when it is a country; null for areas
 * @param guessed true when the gazetteer does not know the place: its region and country are the article's most
 *     likely ones, and it has no coordinates of its own
 */
public record ResolvedPlace(
        Place place, @Nullable Place region, @Nullable Place country, boolean guessed, List<Mention> mentions) {

    public ResolvedPlace {
        mentions = List.copyOf(mentions);
    }

    /** The city (or unlisted locality) this place is or is in; null above cities. */
    public @Nullable Place city() {
        return place.kind() == PlaceKind.CITY || place.kind() == PlaceKind.LOCALITY ? place : null;
    }

    /** Ids of the places above, nearest first: region then country. */
    public List<String> ancestorIds() {
        List<String> ids = new ArrayList<>(2);
        if (region != null && region != place) {
            ids.add(region.id());
        }
        if (country != null && country != place) {
            ids.add(country.id());
        }
        return ids;
    }
}
