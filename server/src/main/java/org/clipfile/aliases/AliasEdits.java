package org.clipfile.aliases;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.entities.EntityType;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.problem.ProblemException;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Editors' additions, corrections and removals of registry entities, stored in {@code <alias>-entity-aliases} (one
 * document per entity id, the latest edit wins) and applied to this server's registry at once and to the other
 * instances' within {@link #SYNC_EVERY}. New articles use them immediately; articles already indexed get them by
 * a re-index with the registry applied ({@code POST /api/admin/reindex?apply_registry=true}).
 */
@Component
public class AliasEdits implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(AliasEdits.class);
    static final Duration SYNC_EVERY = Duration.ofSeconds(30);

    /** One stored edit. */
    record Edit(String id, String type, String name, List<String> aliases, boolean deleted,
            @JsonProperty("updated_at") Instant updatedAt) {}

    /** Why an edit was refused: the caller's mistake, with a readable reason. */
    public static final class RefusedEdit extends ProblemException {
        private final boolean conflict;

        RefusedEdit(String message, boolean conflict) {
            super(conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, conflict ? "alias-conflict"
                    : "invalid-entity", conflict ? "Name already taken" : "Invalid entity", message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    private final SystemIndex<Edit> edits;
    private final AliasRegistry registry;
    private volatile Instant syncedUntil = Instant.EPOCH;

    AliasEdits(SystemIndices indices, AliasRegistry registry) {
        this.edits = indices.define("entity-aliases", "entity-aliases.json", Edit.class);
        this.registry = registry;
    }

    @Override
    public void indexReady(ArticleIndex index) {
        try {
            edits.ensureExists();
            sync();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not load the alias edits from {}: {}", edits.alias(), e.toString());
        }
        Thread.ofVirtual().name("alias-edits-sync").start(this::syncForever);
    }

    /** Creates or replaces a person or group; answers the entity as it now stands. */
    public CanonicalEntity put(String id, String name, List<String> aliases) throws IOException {
        EntityType type = typeOf(id);
        CanonicalEntity entity;
        try {
            entity = new CanonicalEntity(id, type, name == null ? "" : name.strip(),
                    aliases == null ? List.of() : aliases.stream().map(String::strip).filter(a -> !a.isEmpty())
                            .distinct().toList());
        } catch (IllegalArgumentException e) {
            throw new RefusedEdit(e.getMessage(), false);
        }
        for (String each : entity.names()) {
            Optional<CanonicalEntity> other = registry.findByName(each);
            if (other.isPresent() && !other.get().id().equals(id)) {
                throw new RefusedEdit("'" + each + "' already means " + other.get().id() + " (" + other.get().name()
                        + "); remove it there first", true);
            }
        }
        store(new Edit(id, type.name().toLowerCase(Locale.ROOT), entity.name(), entity.aliases(), false,
                Instant.now()));
        apply(entity);
        return entity;
    }

    /** Removes an entity from the registry (also one shipped with the server); false when there was none. */
    public boolean delete(String id) throws IOException {
        Optional<CanonicalEntity> existing = registry.findById(id);
        if (existing.isEmpty()) {
            return false;
        }
        CanonicalEntity gone = existing.get();
        store(new Edit(id, gone.type().name().toLowerCase(Locale.ROOT), gone.name(), gone.aliases(), true,
                Instant.now()));
        registry.remove(id);
        return true;
    }

    private static EntityType typeOf(String id) {
        if (id.startsWith("person:")) {
            return EntityType.PERSON;
        }
        if (id.startsWith("group:")) {
            return EntityType.GROUP;
        }
        throw new RefusedEdit("Only people (person:...) and groups (group:...) are edited here; places come from "
                + "the gazetteer", false);
    }

    private void store(Edit edit) throws IOException {
        edits.ensureExistsOnce();
        edits.index(edit.id(), edit, Refresh.WaitFor);
    }

    private synchronized void apply(CanonicalEntity entity) {
        if (registry.findById(entity.id()).isPresent()) {
            registry.replace(entity);
        } else {
            registry.add(entity);
        }
    }

    /** Applies the edits made since the last sync (by any instance), oldest first. */
    synchronized void sync() throws IOException {
        Instant from = syncedUntil.minusSeconds(5);
        var found = edits.find(s -> s.size(10_000)
                .query(q -> q.range(r -> r.date(d -> d.field("updated_at").gte(from.toString()))))
                .sort(o -> o.field(f -> f.field("updated_at").order(SortOrder.Asc))));
        for (Edit edit : found) {
            if (edit == null) {
                continue;
            }
            try {
                if (edit.deleted()) {
                    registry.remove(edit.id());
                } else {
                    apply(new CanonicalEntity(edit.id(), EntityType.valueOf(edit.type().toUpperCase(Locale.ROOT)),
                            edit.name(), edit.aliases()));
                }
            } catch (IllegalArgumentException e) {
                log.warn("Alias edit of {} cannot be applied: {}", edit.id(), e.getMessage());
            }
            if (edit.updatedAt().isAfter(syncedUntil)) {
                syncedUntil = edit.updatedAt();
            }
        }
    }

    private void syncForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SYNC_EVERY);
                sync();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.debug("Alias edits not synced this time: {}", e.toString());
            }
        }
    }
}
