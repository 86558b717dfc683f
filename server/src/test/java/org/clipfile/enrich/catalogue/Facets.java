package org.clipfile.enrich.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.enrich.names.NameKeys;

/** People and groups as an article alone would have resolved them: a name and the short forms it used. */
final class Facets {
    private Facets() {}

    static EntityFacet person(String name, String... shortForms) {
        return facet("person", name, shortForms);
    }

    static EntityFacet group(String name, String... shortForms) {
        return facet("group", name, shortForms);
    }

    /**
     * A stored article {@code hours} after 2 March 1987 whose entities are these, as recognition alone left them
     * (never linked across the archive).
     */
    static Article stored(String id, int hours, EntityFacet... entities) {
        List<EntityFacet> people = new ArrayList<>();
        List<EntityFacet> groups = new ArrayList<>();
        for (EntityFacet entity : entities) {
            (entity.type().equals("person") ? people : groups).add(entity);
        }
        return new Article(id, "Story " + id, "Text of story " + id + ".",
                Instant.parse("1987-03-02T00:00:00Z").plusSeconds(hours * 3600L), "Test Wire", null, null, List.of(),
                null, "en", Instant.now(), "hash-" + id, new Enrichment(people, groups, List.of()));
    }

    private static EntityFacet facet(String type, String name, String... shortForms) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(shortForms));
        List<String> variants = new ArrayList<>();
        names.forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
        return new EntityFacet(type + ":" + NameKeys.slug(name), name, type, variants, names.size(), names, List.of());
    }
}
