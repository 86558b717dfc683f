package org.clipfile.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clipfile.search.SearchParameters;

/**
 * A search kept as the query string of the page's URL ({@code q=raid&country=SY&from=2024}), as saved searches and
 * batch searches store it, read with the very rules of {@code GET /api/search}. A malformed one is a
 * {@link BadRequestException} (a 400 problem) naming what is wrong.
 */
public final class SearchQueryStrings {
    /** Request attribute: the article ids of the collection named by {@code collection=}, put there beforehand. */
    public static final String COLLECTION_IDS = "clipfile.search.collection-ids";
    /** Longest query string kept: a query (1,000 characters) and a good number of filters. */
    public static final int MAX_CHARS = 8000;

    private SearchQueryStrings() {}

    /**
     * The search a query string describes (a leading {@code ?} is ignored; paging and sort are kept but callers
     * usually set their own).
     *
     * @param collectionIds the article ids of a collection, for {@code collection=}; it decides who may use which
     */
    public static SearchParameters parse(String queryString, Function<String, List<String>> collectionIds) {
        Map<String, List<String>> parameters = decode(queryString);
        return SearchArguments.bind(name -> {
            List<String> values = parameters.get(name);
            return values == null ? null : values.toArray(String[]::new);
        }, false, collectionIds, queryString).search();
    }

    /** The parameters of a query string, in order; refuses one that is too long or not valid percent-encoding. */
    public static Map<String, List<String>> decode(String queryString) {
        if (queryString.length() > MAX_CHARS) {
            throw new BadRequestException("The search's query string has " + queryString.length()
                    + " characters; the limit is " + MAX_CHARS);
        }
        String text = queryString.startsWith("?") ? queryString.substring(1) : queryString;
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), n -> new ArrayList<>())
                        .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("The search's query string is not valid percent-encoding near '"
                        + (pair.length() > 40 ? pair.substring(0, 40) + "..." : pair) + "'");
            }
        }
        return parameters;
    }
}
