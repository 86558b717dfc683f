package org.clipfile.search;

import org.jspecify.annotations.Nullable;

/**
 * A validated search: {@code q} (blank for everything), a 1-based page and a page size.
 */
public record SearchParameters(@Nullable String q, int page, int size) {
    public int from() {
        return (page - 1) * size;
    }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }
}
