/**
 * Editors' curation of facet values, stored in {@code <alias>-curation} (shared by every server instance, each edit
 * kept with its editor and its undo), applied to new articles at once and to indexed ones by the re-index.
 */
@NullMarked
package org.clipfile.curation;

import org.jspecify.annotations.NullMarked;
