package org.clipfile.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clipfile.search.BoundingBox;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.search.Selection;
import org.jspecify.annotations.Nullable;

/**
 * Reads the search parameters shared by search, facets, export and the map (bound as {@link SearchArguments}), and
 * those of a stored query string ({@link SearchQueryStrings}), and refuses what is malformed or too big with a clear
 * message: {@code q}, {@code person}/{@code -person} (and the other facets,
 * repeatable), {@code from}/{@code to} (see {@link DateParameter}),
 * {@code sort}, {@code page}, {@code size}, {@code facet_size}, {@code facets}, {@code collection} (the ids an
 * interceptor of the collections feature has put into {@link SearchQueryStrings#COLLECTION_IDS}).
 */
final class SearchParametersReader {
    static final int MAX_QUERY_CHARS = 4000;
    static final int MAX_SIZE = 100;
    static final int MAX_VALUES_PER_FACET = 100;
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final List<String> FACET_NAMES = java.util.stream.Stream.concat(
            Arrays.stream(Facet.values()).map(Facet::parameter), java.util.stream.Stream.of(SearchRequestFactory.DATE_FACET))
            .toList();

    private SearchParametersReader() {}

    /** From any source of parameters; {@code collectionIds} gives the article ids of a collection. */
    static SearchParameters read(Function<String, String @Nullable []> request, boolean cursor,
            Function<String, List<String>> collectionIds) {
        String q = parameter(request, "q");
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new BadRequestException("q has " + q.length() + " characters; the limit is " + MAX_QUERY_CHARS);
        }
        Map<Facet, Selection> selections = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> include = values(request, facet.parameter());
            List<String> exclude = values(request, "-" + facet.parameter());
            if (include.size() + exclude.size() > MAX_VALUES_PER_FACET) {
                throw new BadRequestException("At most " + MAX_VALUES_PER_FACET + " values may be selected in "
                        + facet.parameter());
            }
            if (!include.isEmpty() || !exclude.isEmpty()) {
                selections.put(facet, new Selection(include, exclude));
            }
        }
        Instant from = DateParameter.parse(parameter(request, "from"), "from", false);
        Instant to = DateParameter.parse(parameter(request, "to"), "to", true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new BadRequestException("to must be after from");
        }
        int page = integer(request, "page", 1, 1, Integer.MAX_VALUE);
        int size = integer(request, "size", 20, 1, MAX_SIZE);
        if (!cursor && (long) page * size > MAX_RESULT_WINDOW) {
            throw new BadRequestException("page " + page + " of size " + size + " goes past the first "
                    + MAX_RESULT_WINDOW + " results; use the cursor (cursor=) to go further");
        }
        int facetSize = integer(request, "facet_size", 10, 1, 100);
        String collection = parameter(request, "collection");
        List<String> ids = collection == null || collection.isBlank() ? null : collectionIds.apply(collection.strip());
        return new SearchParameters(q, selections, from, to, sort(parameter(request, "sort")), page, size,
                facetSize, bbox(parameter(request, "bbox")), counted(request.apply("facets")), ids,
                countStories(parameter(request, "count")));
    }

    /** {@code collapse=true} (default) shows one hit per story, {@code false} every copy. */
    static boolean collapse(@Nullable String value) {
        return !either(value, "collapse", "true", "false");
    }

    /** {@code count=articles} (default) or {@code count=stories}: what the facets count. */
    static boolean countStories(@Nullable String value) {
        return either(value, "count", "articles", "stories");
    }

    /** A parameter with two values: false when absent or {@code usual}, true when {@code other}, else a 400. */
    private static boolean either(@Nullable String value, String name, String usual, String other) {
        if (value == null || value.equals(usual)) {
            return false;
        }
        if (value.equals(other)) {
            return true;
        }
        throw new BadRequestException(name + " must be " + usual + " or " + other + ", not '" + (value.length() > 20
                ? value.substring(0, 20) + "..." : value) + "'");
    }

    /** The first value of a parameter, null when it is absent. */
    static @Nullable String parameter(Function<String, String @Nullable []> request, String name) {
        String[] values = request.apply(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * {@code facets=person,place,date} (or repeated): only these facets and the date histogram are counted; absent:
     * all of them; empty: none (hits only).
     */
    private static @Nullable Set<String> counted(String @Nullable [] values) {
        if (values == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                String facet = name.strip();
                if (facet.isEmpty()) {
                    continue;
                }
                if (!facet.equals(SearchRequestFactory.DATE_FACET) && Facet.byParameter(facet).isEmpty()) {
                    throw new BadRequestException("facets takes " + String.join(", ", FACET_NAMES) + ", not '"
                            + (facet.length() > 50 ? facet.substring(0, 50) + "..." : facet) + "'");
                }
                names.add(facet);
            }
        }
        return names;
    }

    private static @Nullable BoundingBox bbox(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BoundingBox.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static List<String> values(Function<String, String @Nullable []> request, String name) {
        String[] values = request.apply(name);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static SearchParameters.Sort sort(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return SearchParameters.Sort.relevance;
        }
        try {
            return SearchParameters.Sort.valueOf(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("sort must be relevance, newest or oldest, not '" + value + "'");
        }
    }

    private static int integer(Function<String, String @Nullable []> request, String name, int fallback, int min,
            int max) {
        return integer(parameter(request, name), name, fallback, min, max);
    }

    /** A whole number parameter within {@code [min, max]}, {@code fallback} when absent or blank. */
    static int integer(@Nullable String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number, not '" + value + "'");
        }
        if (number < min || number > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max);
        }
        return number;
    }
}
