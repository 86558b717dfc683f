package org.clipfile.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import org.clipfile.curation.CurationEdits;
import org.clipfile.enrich.curation.CurationEdit;
import org.clipfile.imports.Reindexer;
import org.clipfile.security.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors curate facet values (merge, split, rename, retype, not an entity), undo their edits, and start the
 * re-index that applies them to indexed articles, watching its progress.
 */
@RestController
class CurationController {
    private final CurationEdits edits;
    private final Reindexer reindexer;

    CurationController(CurationEdits edits, Reindexer reindexer) {
        this.edits = edits;
        this.reindexer = reindexer;
    }

    /** The body of {@code POST /api/curation/edits}. */
    record EditRequest(@Size(max = 20) @Nullable String action, @Size(max = 300) @Nullable String entity,
            @Size(max = 300) @Nullable String other, @Size(max = 1000) @Nullable String name,
            @Size(max = 20) @Nullable String type) {}

    /** Where the re-index stands and how many edits were made or undone since it started. */
    record Progress(Reindexer.@Nullable Status reindex, long pending) {}

    @GetMapping("/api/curation/edits")
    List<CurationEdit> list(@RequestParam(required = false) @Size(max = 300) @Nullable String entity,
            @RequestParam(defaultValue = "true") boolean undone) throws IOException {
        return edits.list(entity == null || entity.isBlank() ? null : entity.strip(), undone);
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "The edit, recorded", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "An edit that undid the same earlier edit", useReturnTypeSchema = true)
    @PostMapping("/api/curation/edits")
    ResponseEntity<CurationEdit> create(@RequestBody @jakarta.validation.Valid EditRequest request)
            throws IOException {
        CurationEdit edit = edits.create(new CurationEdits.Request(request.action(), request.entity(),
                request.other(), request.name(), request.type()), caller());
        // A split of an editor's merge undoes that merge: nothing new is created.
        return ResponseEntity.status(edit.undone() ? HttpStatus.OK : HttpStatus.CREATED).body(edit);
    }

    /** Undoes an edit: it stays listed, marked undone. */
    @DeleteMapping("/api/curation/edits/{id}")
    CurationEdit undo(@PathVariable @Size(max = 100) String id) throws IOException {
        return edits.undo(id, caller());
    }

    @GetMapping("/api/curation/entities/{id}")
    CurationEdits.Entity entity(@Parameter(example = "person:james-baker") @PathVariable @Size(max = 300) String id)
            throws IOException {
        return edits.entity(id);
    }

    /**
     * Starts the relink that applies the edits in force to every indexed article, rewriting in place those they
     * change (202; 409 while a re-index or relink runs).
     */
    @PostMapping("/api/curation/reindex")
    ResponseEntity<Reindexer.Status> reindex() throws IOException {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reindexer.relink());
    }

    @GetMapping("/api/curation/reindex")
    Progress progress() throws IOException {
        Reindexer.Status latest = reindexer.latest().orElse(null);
        boolean applied = latest != null && latest.state().equals("completed");
        long pending = edits.changedSince(applied ? latest.startedAt() : null);
        if (latest != null && latest.state().equals("running")) {
            pending = edits.changedSince(latest.startedAt());
        }
        return new Progress(latest, pending);
    }

    private static String caller() {
        return Callers.name(SecurityContextHolder.getContext().getAuthentication());
    }
}
