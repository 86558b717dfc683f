/**
 * Enrichment of an article for indexing and faceting: people, groups and places as canonical entities.
 * {@link org.clipfile.enrich.Enricher} is the entry point; sub-packages hold recognition, names, entities and places.
 */
@NullMarked
package org.clipfile.enrich;

import org.jspecify.annotations.NullMarked;
