package org.clipfile.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchResult;
import org.clipfile.search.SearchService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over the archive. */
@RestController
class SearchController {
    static final int MAX_RESULT_WINDOW = 10_000;

    private final SearchService searchService;

    SearchController(SearchService searchService) {
        this.searchService = searchService;
    }

    @GetMapping("/api/search")
    SearchResult search(
            @RequestParam(required = false) @Nullable @Size(max = 2000, message = "q is longer than 2000 characters") String q,
            @RequestParam(defaultValue = "1") @Min(value = 1, message = "page starts at 1") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "size must be at least 1")
                    @Max(value = 100, message = "size must be at most 100") int size)
            throws IOException {
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new BadRequestException("page " + page + " of size " + size + " goes past the first "
                    + MAX_RESULT_WINDOW + " results");
        }
        return searchService.search(new SearchParameters(q, page, size));
    }
}
