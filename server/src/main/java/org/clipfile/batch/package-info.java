/**
 * Batch searches: a list of names (pasted or a CSV's first column) checked against the archive in the background,
 * with per name the article count, the canonical entities it matches (aliases and romanisations count) and the top
 * articles; results are kept in Elasticsearch, so memory stays flat whatever the list's length.
 */
@NullMarked
package org.clipfile.batch;

import org.jspecify.annotations.NullMarked;
