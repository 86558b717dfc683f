/**
 * Editors' curation of people and groups (merge, split, rename, retype, not an entity) as pure rules applied to an
 * article's linked entities; stored and shared by {@code org.clipfile.curation}.
 */
@NullMarked
package org.clipfile.enrich.curation;

import org.jspecify.annotations.NullMarked;
