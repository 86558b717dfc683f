package org.clipfile.enrich.entities;

import java.util.List;
import java.util.Set;
import org.clipfile.enrich.ner.Mention;

/**
 * A person or group of one article, with every mention that refers to it.
 *
 * @param id stable across articles: the registry's id, else the type's prefix and the slug of the name
 * @param name the registry's name, else the longest name the article uses
 * @param variants {@link org.clipfile.enrich.names.NameKeys#searchVariants search variants} of every name the
 *     article uses and, for a registry entity, of its name and aliases
 * @param registered whether the alias registry knows the entity
 */
public record ResolvedEntity(
        String id, EntityType type, String name, Set<String> variants, List<Mention> mentions, boolean registered) {

    public ResolvedEntity {
        variants = Set.copyOf(variants);
        mentions = List.copyOf(mentions);
    }
}
