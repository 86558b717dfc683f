package org.clipfile.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The value facets: the request parameter that selects values ({@code ?source=Reuters}, {@code -source=...} to
 * exclude) and the keyword field it counts and filters. {@code place} filters on the ids of places and all their
 * ancestors, so selecting a country matches articles that name only one of its cities; its counts come as a
 * country, region, city tree from the per-level fields {@code place_tree_countries}, {@code _regions} and
 * {@code _cities} (the levels of {@code place_paths}). {@code tag} counts the source's own tags, {@code label} the
 * editors' labels (see {@code org.clipfile.labels}).
 */
public enum Facet {
    PERSON("person", "people"),
    GROUP("group", "groups"),
    PLACE("place", "places"),
    COUNTRY("country", "place_countries"),
    SOURCE("source", "source"),
    SECTION("section", "section"),
    TAG("tag", "tags"),
    LABEL("label", "labels"),
    LANGUAGE("language", "language");

    private final String parameter;
    private final String field;

    Facet(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }

    public static Optional<Facet> byParameter(String name) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(name)).findFirst();
    }
}
