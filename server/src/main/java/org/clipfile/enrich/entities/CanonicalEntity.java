package org.clipfile.enrich.entities;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An entity of the alias registry: a stable id, the type and name to display, and the variants that mean it.
 *
 * @param id stable and readable, e.g. {@code group:hayat-tahrir-al-sham}; starts with the type's prefix
 * @param aliases other names and spellings (not repeating the name); matched by {@link
 *     org.clipfile.enrich.names.NameKeys}, so case, diacritics and romanisations need no entry of their own
 */
public record CanonicalEntity(String id, EntityType type, String name, List<String> aliases) {
    private static final Pattern ID = Pattern.compile("(person|group):[a-z0-9][a-z0-9-]*");

    public CanonicalEntity {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An entity id is 'person:' or 'group:' and a slug, not '" + id + "'");
        }
        if (type == null || !id.startsWith(type.idPrefix())) {
            throw new IllegalArgumentException("Entity " + id + " must have the type its prefix names");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Entity " + id + " has no name");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The name followed by the aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
