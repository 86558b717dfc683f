package org.clipfile.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clipfile.enrich.MentionSpans;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code entities} object stored with each article ({@code people}, {@code groups}, {@code places}) as it
 * comes back in a search hit, without binding it to records: the names an id has in it, and the entities to mark
 * in a snippet. Fields it does not know are ignored, so articles indexed by other tools do not break a search.
 */
final class StoredEntities {
    private static final List<String> KINDS = List.of("people", "groups", "places");

    private StoredEntities() {}

    /**
     * The names {@code id} has in one article's entities, in order: an entity's own name, or the region or city
     * name a place gives for its ancestor. Empty when the article does not name it.
     */
    static Set<String> namesOf(@Nullable JsonNode entities, String id) {
        Set<String> names = new LinkedHashSet<>();
        if (entities == null) {
            return names;
        }
        for (String kind : KINDS) {
            for (JsonNode entity : entities.path(kind)) {
                if (id.equals(entity.path("id").asString())) {
                    names.add(entity.path("name").asString());
                } else if (id.equals(entity.path("regionId").asString()) && entity.hasNonNull("regionName")) {
                    names.add(entity.get("regionName").asString());
                } else if (id.equals(entity.path("cityId").asString()) && entity.hasNonNull("cityName")) {
                    names.add(entity.get("cityName").asString());
                }
            }
        }
        return names;
    }

    /** Each entity with its type ({@code person}, {@code group}, {@code place}), name and stored variants. */
    static List<MentionSpans.Named> named(@Nullable JsonNode entities) {
        List<MentionSpans.Named> named = new ArrayList<>();
        if (entities == null || !entities.isObject()) {
            return named;
        }
        for (String kind : KINDS) {
            String type = switch (kind) {
                case "people" -> "person";
                case "groups" -> "group";
                default -> "place";
            };
            for (JsonNode entity : entities.path(kind)) {
                String id = entity.path("id").asString("");
                String name = entity.path("name").asString("");
                if (id.isEmpty() || name.isEmpty()) {
                    continue;
                }
                List<String> variants = new ArrayList<>();
                for (JsonNode variant : entity.path("variants")) {
                    if (variant.isString()) {
                        variants.add(variant.asString());
                    }
                }
                named.add(new MentionSpans.Named(id, type, name, variants));
            }
        }
        return named;
    }
}
