package org.clipfile.index;

/** Published on this server instance when a re-index moved {@code alias} from one index to another. */
public record IndexMoved(String alias, String from, String to) {}
