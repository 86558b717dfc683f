package org.clipfile.search;

import java.util.Collection;
import java.util.Map;

/** Display names for facet values that are ids (people, groups, places); other values are their own label. */
public interface FacetLabels {
    Map<String, String> labels(Facet facet, Collection<String> values);
}
