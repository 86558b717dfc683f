/**
 * The archive's entity catalogue in Elasticsearch: rebuilt from the articles' stored enrichment, it decides the links
 * (acronyms, surnames, legal forms) that {@code enrich.catalogue} applies at ingest and re-index.
 */
package org.clipfile.catalogue;
