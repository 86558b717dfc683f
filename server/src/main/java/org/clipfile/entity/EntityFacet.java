package org.clipfile.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person or group of an article, as indexed and faceted.
 *
 * @param id stable across articles (facet on it): {@code person:john-kirby}, {@code group:hayat-tahrir-al-sham}
 * @param name the name to display
 * @param type {@code person} or {@code group}
 * @param variants lowercase name variants to index for name search: the folded spelling of every name the article
 *     uses and, for an entity of the alias registry, of its registered names ("hts" is a variant of Hayat Tahrir
 *     al-Sham even where only the full name appears). Never name keys: the index computes those itself (the
 *     {@code name_key} analyzer), so they are neither stored nor returned
 * @param mentions how many times the article mentions it
 * @param names the names the article uses for it, as written ("James Baker", "Baker"); what the archive's entity
 *     catalogue learns short forms and acronyms from
 * @param linked empty unless linking across the archive made this entity: then the entities the article alone had
 *     made (one, or several now merged) and why each was linked, so a re-index can decide again or undo the link
 * @param salience how much the article is about it, 0 to 1 (see {@code org.clipfile.enrich.Salience}); 0 when
 *     unknown (enriched before salience was stored)
 */
public record EntityFacet(String id, String name, String type, List<String> variants, int mentions,
        @Nullable List<String> names, @Nullable List<Link> linked, double salience) {

    /**
     * An entity as the article alone resolved it, and why the archive linked it to this one ("as written" for the
     * entity that kept its id).
     */
    public record Link(String fromId, String fromName, List<String> names, int mentions, String reason,
            double salience) {
        public Link {
            names = List.copyOf(names);
        }

        public Link(String fromId, String fromName, List<String> names, int mentions, String reason) {
            this(fromId, fromName, names, mentions, reason, 0);
        }
    }

    public EntityFacet {
        variants = List.copyOf(variants);
        names = names == null || names.isEmpty() ? List.of(name) : List.copyOf(names);
        linked = linked == null ? List.of() : List.copyOf(linked);
    }

    /** The same entity with other search variants. */
    public EntityFacet withVariants(List<String> newVariants) {
        return new EntityFacet(id, name, type, newVariants, mentions, names, linked, salience);
    }

    /** Without names, links or salience (unknown). */
    public EntityFacet(String id, String name, String type, List<String> variants, int mentions) {
        this(id, name, type, variants, mentions, List.of(name), List.of(), 0);
    }

    /** Without a salience (unknown). */
    public EntityFacet(String id, String name, String type, List<String> variants, int mentions,
            @Nullable List<String> names, @Nullable List<Link> linked) {
        this(id, name, type, variants, mentions, names, linked, 0);
    }

    /** With a salience, without names or links. */
    public EntityFacet(String id, String name, String type, List<String> variants, int mentions, double salience) {
        this(id, name, type, variants, mentions, List.of(name), List.of(), salience);
    }

    @Override
    public List<Link> linked() {
        return linked == null ? List.of() : linked;
    }

    /** The names the article uses (never null once built). */
    @Override
    public List<String> names() {
        return names == null ? List.of(name) : names;
    }
}
