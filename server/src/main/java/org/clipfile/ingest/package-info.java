/**
 * Turning incoming text, HTML and JSON into {@link org.clipfile.article.Article} records, and the one way an article
 * comes in, posted or imported: {@link org.clipfile.ingest.IngestService}.
 */
package org.clipfile.ingest;
