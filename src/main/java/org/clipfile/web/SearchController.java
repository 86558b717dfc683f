package org.clipfile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchResult;
import org.clipfile.search.SearchService;
import org.clipfile.security.AuditAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the archive with facets (see {@link SearchParametersReader} for the parameters). */
@RestController
class SearchController {
    private final SearchService searchService;

    SearchController(SearchService searchService) {
        this.searchService = searchService;
    }

    /**
     * {@code GET /api/facets/{facet}?contains=&order=count|name&page=&size=} with the search parameters: more
     * values of one facet, or the values containing some text, under the current search.
     */
    @GetMapping("/api/facets/{facet}")
    SearchResult.FacetCounts facet(@PathVariable String facet, HttpServletRequest request) throws IOException {
        Facet chosen = Facet.byParameter(facet).orElseThrow(() -> new NotFoundException("No facet named " + facet
                + "; facets are " + java.util.Arrays.stream(Facet.values()).map(Facet::parameter).toList()));
        String order = request.getParameter("order");
        if (order != null && !order.equals("count") && !order.equals("name")) {
            throw new BadRequestException("order must be count or name, not '" + order + "'");
        }
        String contains = request.getParameter("contains");
        if (contains != null && contains.length() > 100) {
            throw new BadRequestException("contains is longer than 100 characters");
        }
        int page = SearchParametersReader.integer(request, "page", 1, 1, 100);
        int size = SearchParametersReader.integer(request, "size", 20, 1, 100);
        SearchResult.FacetCounts counts = searchService.facetValues(SearchParametersReader.read(request, true),
                chosen, contains, "name".equals(order), page, size);
        request.setAttribute(AuditAttributes.COUNT, counts.values().size());
        return counts;
    }

    /** {@code collapse=true} (default) shows one hit per story, {@code false} every copy. */
    static boolean collapse(HttpServletRequest request) {
        String value = request.getParameter("collapse");
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new BadRequestException("collapse must be true or false, not '" + (value.length() > 20
                ? value.substring(0, 20) + "..." : value) + "'");
    }

    @GetMapping("/api/search")
    SearchResult search(HttpServletRequest request) throws IOException {
        String cursor = request.getParameter("cursor");
        String caller = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        SearchResult result = searchService.search(SearchParametersReader.read(request, cursor != null), cursor,
                caller, collapse(request));
        if (result.total() >= 0) {
            request.setAttribute(AuditAttributes.COUNT, result.total());
        }
        return result;
    }
}
