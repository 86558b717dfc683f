package org.clipfile.labels;

import java.io.IOException;
import java.util.List;
import org.clipfile.security.AuditContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT} and {@code DELETE /api/articles/{id}/labels/{label}}: editors (and admins) add and remove one label at a
 * time. Both are idempotent and answer the article's labels; two editors adding different labels at once both keep
 * theirs. Each call is in the audit ({@code article.label} / {@code article.unlabel}, the label in its detail).
 */
@RestController
@RequestMapping("/api/articles/{id}/labels")
class LabelController {
    private final ArticleLabels labels;

    LabelController(ArticleLabels labels) {
        this.labels = labels;
    }

    record Labelled(String id, List<String> labels) {}

    @PutMapping("/{label}")
    Labelled add(@PathVariable String id, @PathVariable String label, AuditContext audit) throws IOException {
        return change(id, label, audit, labels::add, "added", "already there");
    }

    @DeleteMapping("/{label}")
    Labelled remove(@PathVariable String id, @PathVariable String label, AuditContext audit)
            throws IOException {
        return change(id, label, audit, labels::remove, "removed", "was not there");
    }

    private interface Edit {
        ArticleLabels.Change apply(String id, String label) throws IOException;
    }

    private static Labelled change(String id, String label, AuditContext audit, Edit edit, String changed,
            String unchanged) throws IOException {
        audit.target(id);
        String normalized = Labels.normalize(label);
        ArticleLabels.Change change = edit.apply(id, normalized);
        audit.detail("label '" + normalized + "' "
                + (change.changed() ? changed : unchanged));
        return new Labelled(id, change.labels());
    }
}
