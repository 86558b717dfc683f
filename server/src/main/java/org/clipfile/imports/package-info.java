/**
 * Import jobs: whole archives and folders read, parsed in parallel and bulk-indexed with bounded memory, with
 * their state and per-document failures kept in Elasticsearch so any server instance can report on them; and the
 * re-index that copies the archive into a new index, with its runs and its one-at-a-time lock kept the same way.
 */
package org.clipfile.imports;
