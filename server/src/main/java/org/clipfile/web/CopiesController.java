package org.clipfile.web;

import java.io.IOException;
import org.clipfile.copies.CopiesService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The copies of an article's story (wire reprints, re-filed versions), with what differs in each. */
@RestController
class CopiesController {
    private final CopiesService copies;

    CopiesController(CopiesService copies) {
        this.copies = copies;
    }

    @GetMapping("/api/articles/{id}/copies")
    CopiesService.Copies copies(@PathVariable String id) throws IOException {
        return copies.copies(id).orElseThrow(() -> new NotFoundException("No article with id " + id));
    }
}
