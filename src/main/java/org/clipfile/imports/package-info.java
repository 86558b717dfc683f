/**
 * Import jobs: whole archives and folders read, parsed in parallel and bulk-indexed with bounded memory, with
 * their state and per-document failures kept in Elasticsearch so any server instance can report on them.
 */
package org.clipfile.imports;
