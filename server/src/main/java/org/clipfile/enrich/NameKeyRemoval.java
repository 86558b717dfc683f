package org.clipfile.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;

/**
 * Takes out of a stored enrichment the name keys that enrichments stored before mapping version 4 hold among their
 * variants ("pentagun" beside "pentagon"; "pantagun" from the key of before 2026-12-07): the index computes keys
 * itself now. Enrichment's work (it knows how names are keyed), so it lives here and not on the stored record.
 */
final class NameKeyRemoval {
    private NameKeyRemoval() {}

    /**
     * A person's or group's variants are made again from the names the article uses as written, its display name and
     * {@code registeredNames} (the alias registry's names for its id). A place stores no names as written: a variant
     * is dropped when it is the key of another of its variants or of its name and not itself the spelling of its
     * name.
     */
    static Enrichment withoutNameKeys(Enrichment stored, Function<String, List<String>> registeredNames) {
        return new Enrichment(
                stored.people().stream().map(e -> e.withVariants(spellings(e, registeredNames))).toList(),
                stored.groups().stream().map(e -> e.withVariants(spellings(e, registeredNames))).toList(),
                stored.places().stream().map(p -> p.withVariants(placeSpellings(p.variants(), p.name()))).toList(),
                stored.removed(), stored.removedPlaces());
    }

    private static List<String> spellings(EntityFacet entity, Function<String, List<String>> registeredNames) {
        Set<String> spellings = new TreeSet<>(NameKeys.searchVariants(entity.name()));
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
