package org.clipfile.enrich.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.entity.EntityFacet;
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

    private static EntityFacet facet(String type, String name, String... shortForms) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(shortForms));
        List<String> variants = new ArrayList<>();
        names.forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
        return new EntityFacet(type + ":" + NameKeys.slug(name), name, type, variants, names.size(), names, List.of());
    }
}
