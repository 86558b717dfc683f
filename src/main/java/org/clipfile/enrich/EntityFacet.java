package org.clipfile.enrich;

import java.util.List;

/**
 * A person or group of an article, as indexed and faceted.
 *
 * @param id stable across articles (facet on it): {@code person:john-kirby}, {@code group:hayat-tahrir-al-sham}
 * @param name the name to display
 * @param type {@code person} or {@code group}
 * @param variants lowercase name variants to index for name search (see {@link org.clipfile.enrich.names.NameKeys}):
 *     the matching key and the folded spelling of every name the article uses and, for an entity of the alias
 *     registry, of its registered names ("hts" is a variant of Hayat Tahrir al-Sham even where only the full name
 *     appears)
 * @param mentions how many times the article mentions it
 * @param salience how much the article is about it, 0 to 1 (see {@link Salience}); 0 when unknown (enriched
 *     before salience was stored)
 */
public record EntityFacet(String id, String name, String type, List<String> variants, int mentions, double salience) {

    public EntityFacet {
        variants = List.copyOf(variants);
    }

    /** Without a salience (unknown). */
    public EntityFacet(String id, String name, String type, List<String> variants, int mentions) {
        this(id, name, type, variants, mentions, 0);
    }
}
