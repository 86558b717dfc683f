/**
 * The journalists' query language: {@link org.clipfile.search.query.QueryParser} turns the {@code q} parameter into a
 * syntax tree, {@link org.clipfile.search.query.QueryTranslator} turns the tree into an Elasticsearch query.
 */
@NullMarked
package org.clipfile.search.query;

import org.jspecify.annotations.NullMarked;
