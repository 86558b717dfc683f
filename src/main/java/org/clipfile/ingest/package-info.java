/** Turning incoming text and JSON into {@link org.clipfile.article.Article} records. */
package org.clipfile.ingest;
