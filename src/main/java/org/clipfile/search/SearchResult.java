package org.clipfile.search;

import java.util.List;

/** One page of results; {@code total} is exact. */
public record SearchResult(long total, int page, int size, List<SearchHit> hits) {}
