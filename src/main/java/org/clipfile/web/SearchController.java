package org.clipfile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.clipfile.search.SearchResult;
import org.clipfile.search.SearchService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the archive with facets (see {@link SearchParametersReader} for the parameters). */
@RestController
class SearchController {
    private final SearchService searchService;

    SearchController(SearchService searchService) {
        this.searchService = searchService;
    }

    @GetMapping("/api/search")
    SearchResult search(HttpServletRequest request) throws IOException {
        String cursor = request.getParameter("cursor");
        return searchService.search(SearchParametersReader.read(request, cursor != null), cursor);
    }
}
