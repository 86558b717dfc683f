package org.clipfile.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clipfile.enrich.names.NameKeys;
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

    /**
     * The same enrichment without the name keys that enrichments stored before mapping version 4 hold among their
     * variants ("pentagun" beside "pentagon"; "pantagun" from the key of before 2026-12-07): the index computes keys
     * itself now. A person's or group's variants are made again from the names the article uses as written, its
     * display name and {@code registeredNames} (the alias registry's names for its id). A place stores no names as
     * written: a variant is dropped when it is the key of another of its variants or of its name and not itself the
     * spelling of its name.
     */
    public Enrichment withoutNameKeys(java.util.function.Function<String, List<String>> registeredNames) {
        return new Enrichment(
                people.stream().map(e -> e.withVariants(spellings(e, registeredNames))).toList(),
                groups.stream().map(e -> e.withVariants(spellings(e, registeredNames))).toList(),
                places.stream().map(p -> p.withVariants(placeSpellings(p.variants(), p.name()))).toList(),
                removed(), removedPlaces());
    }

    private static List<String> spellings(EntityFacet entity,
            java.util.function.Function<String, List<String>> registeredNames) {
        Set<String> spellings = new java.util.TreeSet<>(NameKeys.searchVariants(entity.name()));
        entity.names().forEach(n -> spellings.addAll(NameKeys.searchVariants(n)));
        registeredNames.apply(entity.id()).forEach(n -> spellings.addAll(NameKeys.searchVariants(n)));
        return List.copyOf(spellings);
    }

    static List<String> placeSpellings(List<String> variants, String name) {
        String written = NameKeys.fold(name);
        Set<String> keys = new HashSet<>();
        List<String> all = new ArrayList<>(variants);
        all.add(name);
        for (String w : all) {
            String key = NameKeys.key(w);
            if (!key.equals(NameKeys.fold(w))) {
                keys.add(key);
            }
        }
        return variants.stream().filter(v -> !keys.contains(v) || v.equals(written)).toList();
    }
}
