package org.clipfile.index;

/**
 * Published on this server instance when a relink rewrote, in place, the entities of articles behind {@code alias}
 * (catalogue links, curation edits): what was derived from the old entities is looked up again.
 */
public record EntitiesRelinked(String alias, long rewritten) {}
