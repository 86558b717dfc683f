package org.clipfile.web;

import java.io.IOException;
import org.clipfile.versions.VersionHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The earlier texts of an article (a page corrected or edited after publication), with what changed. */
@RestController
class VersionsController {
    private final VersionHistory history;

    VersionsController(VersionHistory history) {
        this.history = history;
    }

    @GetMapping("/api/articles/{id}/versions")
    VersionHistory.History versions(@PathVariable String id) throws IOException {
        return history.history(id).orElseThrow(() -> new NotFoundException("No article with id " + id));
    }
}
