package org.clipfile.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What enrichment found in one article, ready to index: each list is ordered by mentions, most mentioned first.
 * The ids are stable across articles, so the index can facet on them and the lists can be stored with the article
 * and copied into a new index without running recognition again.
 *
 * @param removed people and groups an editor marked as not an entity: neither indexed nor faceted, kept (as the
 *     article had them) so that undoing the edit brings them back at the next re-index
 * @param removedPlaces the same for places an editor marked as not a place
 */
public record Enrichment(List<EntityFacet> people, List<EntityFacet> groups, List<PlaceFacet> places,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<EntityFacet> removed,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<PlaceFacet> removedPlaces) {

    public Enrichment {
        people = List.copyOf(people);
        groups = List.copyOf(groups);
        places = List.copyOf(places);
        removed = removed == null ? List.of() : List.copyOf(removed);
        removedPlaces = removedPlaces == null ? List.of() : List.copyOf(removedPlaces);
    }

    public Enrichment(List<EntityFacet> people, List<EntityFacet> groups, List<PlaceFacet> places,
            @Nullable List<EntityFacet> removed) {
        this(people, groups, places, removed, List.of());
    }

    public Enrichment(List<EntityFacet> people, List<EntityFacet> groups, List<PlaceFacet> places) {
        this(people, groups, places, List.of(), List.of());
    }

    @Override
    public List<EntityFacet> removed() {
        return removed == null ? List.of() : removed;
    }

    @Override
    public List<PlaceFacet> removedPlaces() {
        return removedPlaces == null ? List.of() : removedPlaces;
    }

    public static Enrichment empty() {
        return new Enrichment(List.of(), List.of(), List.of());
    }
}
