/**
 * Copies of one story: MinHash sketches of article bodies, the clusters they form at ingest (wire reprints, small
 * edits, new headlines), and the comparison of the copies in a cluster.
 */
package org.clipfile.copies;
