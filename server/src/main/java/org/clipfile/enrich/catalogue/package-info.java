/**
 * The archive's entity catalogue: what every article's enrichment says about people and groups, gathered across the
 * archive, and the links it supports (an acronym to its expansion, a surname to the full name, a firm's legal form).
 */
@NullMarked
package org.clipfile.enrich.catalogue;

import org.jspecify.annotations.NullMarked;
