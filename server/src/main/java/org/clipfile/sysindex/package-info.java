/**
 * The gateway to Clipfile's system indices (users, keys, jobs, runs, edits, saved searches, collections, batches):
 * each one's name derived from the article alias, created from its mapping file under {@code mappings/}, and read
 * and written through typed helpers, so that the features keeping state there hold no Elasticsearch client.
 */
@NullMarked
package org.clipfile.sysindex;

import org.jspecify.annotations.NullMarked;
