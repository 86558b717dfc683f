package org.clipfile.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchResult;
import org.clipfile.search.SearchService;
import org.clipfile.security.AuditContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the archive with facets (see {@link SearchArguments} for the parameters). */
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
    SearchResult.FacetCounts facet(@PathVariable String facet, SearchArguments search,
            @Parameter(schema = @Schema(allowableValues = {"count", "name"}, defaultValue = "count"))
            @RequestParam(required = false) @Nullable String order,
            @Parameter(description = "Only values containing this text, in any letter case", schema = @Schema(
                    maxLength = 100)) @RequestParam(required = false) @Nullable String contains,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "1"))
            @RequestParam(required = false) @Nullable String page,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @RequestParam(required = false) @Nullable String size,
            AuditContext audit) throws IOException {
        Facet chosen = Facet.byParameter(facet).orElseThrow(() -> new NotFoundException("No facet named " + facet
                + "; facets are " + java.util.Arrays.stream(Facet.values()).map(Facet::parameter).toList()));
        if (order != null && !order.equals("count") && !order.equals("name")) {
            throw new BadRequestException("order must be count or name, not '" + order + "'");
        }
        if (contains != null && contains.length() > 100) {
            throw new BadRequestException("contains is longer than 100 characters");
        }
        SearchResult.FacetCounts counts = searchService.facetValues(search.search(), chosen, contains,
                "name".equals(order), SearchParametersReader.integer(page, "page", 1, 1, 100),
                SearchParametersReader.integer(size, "size", 20, 1, 100));
        audit.count(counts.values().size());
        return counts;
    }

    @GetMapping("/api/search")
    SearchResult search(@SearchArguments.PagedHits SearchArguments search, @Nullable Authentication caller,
            AuditContext audit) throws IOException {
        SearchResult result = searchService.search(search.search(), search.cursor(),
                caller == null ? "anonymous" : caller.getName(), search.collapse());
        if (result.total() >= 0) {
            audit.count(result.total());
        }
        return result;
    }
}
