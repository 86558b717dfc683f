package org.clipfile.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clipfile.enrich.MentionSpans;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The entities as an answer shows them: the stored tree with its field names in the API's snake_case
     * ({@code countryCode} becomes {@code country_code}, as in {@code org.clipfile.entity.EntitiesView}) and without
     * the lowercase name variants kept for indexing. Fields it does not know are kept, renamed the same way.
     */
    static @Nullable JsonNode forAnswer(@Nullable JsonNode entities) {
        if (entities == null || !entities.isObject()) {
            return entities;
        }
        return snakeCase(entities, 0);
    }

    private static JsonNode snakeCase(JsonNode node, int depth) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(snakeCase(element, depth)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field -> {
            // Depth 1: a person, group or place of the lists (depth 0 is the entities object itself).
            if (depth == 1 && field.getKey().equals("variants")) {
                return;
            }
            copy.set(snakeCase(field.getKey()), snakeCase(field.getValue(), depth + 1));
        });
        return copy;
    }

    static String snakeCase(String name) {
        if (name.chars().noneMatch(Character::isUpperCase)) {
            // Most stored names (id, name, type, salience) are snake_case already: no copy.
            return name;
        }
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
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
