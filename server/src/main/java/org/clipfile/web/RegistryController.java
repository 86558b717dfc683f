package org.clipfile.web;

import java.io.IOException;
import java.util.List;
import org.clipfile.aliases.AliasEdits;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.imports.Reindexer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors correct the alias registry (a person's or group's name, type and variants), and an administrator copies
 * the archive into a new index with the registry applied, or after a mapping change.
 */
@RestController
class RegistryController {
    private final AliasEdits edits;
    private final Reindexer reindexer;

    RegistryController(AliasEdits edits, Reindexer reindexer) {
        this.edits = edits;
        this.reindexer = reindexer;
    }

    /** The body of {@code PUT /api/entities/{id}}: the display name and the other names that mean the entity. */
    record EntityEdit(@Nullable String name, @Nullable List<String> aliases) {}

    @PutMapping("/api/entities/{id}")
    CanonicalEntity put(@PathVariable String id, @RequestBody EntityEdit edit) throws IOException {
        return edits.put(id, edit.name(), edit.aliases());
    }

    @DeleteMapping("/api/entities/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) throws IOException {
        if (!edits.delete(id)) {
            throw new NotFoundException("The alias registry has no entity " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Starts a re-index (202); refused (409) while one runs on any server instance. {@code apply_registry=true}
     * re-resolves entities on the way.
     */
    @PostMapping("/api/admin/reindex")
    ResponseEntity<Reindexer.Status> reindex(
            @RequestParam(name = "apply_registry", defaultValue = "false") boolean applyRegistry) throws IOException {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reindexer.start(applyRegistry));
    }

    /** The latest re-index of the archive, whichever server instance ran it. */
    @GetMapping("/api/admin/reindex")
    Reindexer.Status reindexStatus() throws IOException {
        return reindexer.latest().orElseThrow(() -> new NotFoundException("No re-index has run on this archive"));
    }
}
