/**
 * An Elasticsearch analysis plugin (stable plugin API) that registers Lucene's own analysis components under
 * Elasticsearch's built-in names, so the same mappings work on the minimal local distribution and on a full one.
 */
package org.clipfile.analysis;
