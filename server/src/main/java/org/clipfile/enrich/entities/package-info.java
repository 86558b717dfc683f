/** From mentions of people and groups to canonical entities: the alias registry, short forms, acronyms. */
@NullMarked
package org.clipfile.enrich.entities;

import org.jspecify.annotations.NullMarked;
