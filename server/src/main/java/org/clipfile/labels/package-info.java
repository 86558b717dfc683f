/**
 * Editors' labels on articles: validated, stored with the article (field {@code labels}, the facet {@code label}),
 * kept apart from the source's own tags, and carried over when an article is ingested again.
 */
@NullMarked
package org.clipfile.labels;

import org.jspecify.annotations.NullMarked;
