package org.clipfile.search;

import java.util.List;

/** The values selected in one facet (any of them: OR) and the values excluded from it. */
public record Selection(List<String> include, List<String> exclude) {
    public Selection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
