package org.clipfile.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Function;
import org.clipfile.search.SearchParameters;
import org.jspecify.annotations.Nullable;

/**
 * The search parameters of a request, bound and validated: what to search ({@code q}, the facets' selections
 * {@code person=}/{@code -person=} and the others, repeatable, {@code from}/{@code to}, {@code bbox},
 * {@code collection=}), how to page it ({@code page}, {@code size}, {@code cursor}, {@code sort}) and what to count
 * ({@code facets=}, {@code facet_size}, {@code count=}, {@code collapse=}). A controller method declares a parameter
 * of this type and {@link SearchArgumentsResolver} binds it from the query string; a malformed value is a 400
 * problem naming it ({@link SearchParametersReader} has the rules), before the method runs.
 *
 * @param search the search, as the search feature takes it
 * @param cursor {@code cursor=}: null for page-by-page, empty to start deep paging, else the next page's cursor
 * @param collapse {@code collapse=true} (default): one hit per story; {@code false}: every copy
 * @param queryString the query string as sent, for an export's provenance; null when there is none
 */
public record SearchArguments(SearchParameters search, @Nullable String cursor, boolean collapse,
        @Nullable String queryString) {

    /**
     * On a parameter of this type: the endpoint answers hits, a page at a time ({@code GET /api/search}), so page and
     * size must stay within the first 10,000 results unless a cursor is given, and {@code collapse=} applies. Without
     * it (facets, export, map, entity pages) the window is not checked and {@code collapse=} is not read.
     */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PagedHits {}

    /**
     * Binds the parameters {@code parameters} gives by name.
     *
     * @param pagedHits whether page and size page through hits (see {@link PagedHits})
     * @param collectionIds the article ids of a collection, for {@code collection=}; it decides who may use which
     */
    static SearchArguments bind(Function<String, String @Nullable []> parameters, boolean pagedHits,
            Function<String, List<String>> collectionIds, @Nullable String queryString) {
        String cursor = SearchParametersReader.parameter(parameters, "cursor");
        SearchParameters search = SearchParametersReader.read(parameters, !pagedHits || cursor != null,
                collectionIds);
        boolean collapse = !pagedHits || SearchParametersReader.collapse(
                SearchParametersReader.parameter(parameters, "collapse"));
        return new SearchArguments(search, cursor, collapse, queryString);
    }
}
