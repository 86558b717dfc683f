package org.clipfile.enrich;

import java.util.List;

/**
 * What enrichment found in one article, ready to index: each list is ordered by mentions, most mentioned first.
 * The ids are stable across articles, so the index can facet on them and the lists can be stored with the article
 * and copied into a new index without running recognition again.
 */
public record Enrichment(List<EntityFacet> people, List<EntityFacet> groups, List<PlaceFacet> places) {

    public Enrichment {
        people = List.copyOf(people);
        groups = List.copyOf(groups);
        places = List.copyOf(places);
    }

    public static Enrichment empty() {
        return new Enrichment(List.of(), List.of(), List.of());
    }
}
