/**
 * The article index: mappings from {@code mappings/}, versioned indices behind an alias, and every read and write
 * of it ({@link org.clipfile.index.ArticleIndex}, the bulk writer it makes): the features' one way to it.
 */
package org.clipfile.index;
