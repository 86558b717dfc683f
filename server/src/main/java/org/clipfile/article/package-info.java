/** The article: one record from parsing to indexing, with its deterministic identity. */
package org.clipfile.article;
