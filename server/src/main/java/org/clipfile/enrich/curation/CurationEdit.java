package org.clipfile.enrich.curation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One editor's edit of a facet value, as stored and listed. Undoing it keeps it, marked undone, for the record.
 *
 * @param action what the edit does, see {@link Action}
 * @param entity the facet value edited: the one kept by a merge, the one split from by a split
 * @param other the value merged into {@code entity} (merge), or split out of it (split); null otherwise
 * @param entityName the display name of {@code entity} when the edit was made (a merge's merged value takes it)
 * @param name the new display name (rename)
 * @param type the new type, {@code person} or {@code group} (retype)
 */
public record CurationEdit(String id, String action, String entity, @Nullable String other,
        @JsonProperty("entity_name") @Nullable String entityName, @Nullable String name, @Nullable String type,
        String editor, @JsonProperty("created_at") Instant createdAt, boolean undone,
        @JsonProperty("undone_at") @Nullable Instant undoneAt, @JsonProperty("undone_by") @Nullable String undoneBy) {

    /** The edits an editor can make. */
    public enum Action {
        /** {@code other}'s articles count under {@code entity}, whose names gain {@code other}'s. */
        MERGE,
        /** {@code other} is never linked to {@code entity} again: undoes an automatic link (a veto). */
        SPLIT,
        /** {@code entity} is displayed as {@code name}. */
        RENAME,
        /** {@code entity} becomes a person or a group (its id changes prefix). */
        RETYPE,
        /** {@code entity} disappears from facets and entities. */
        NOT_ENTITY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(@Nullable String text) {
            if (text == null) {
                return Optional.empty();
            }
            for (Action action : values()) {
                if (action.wire().equals(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    public Action kind() {
        return Action.parse(action).orElseThrow(() -> new IllegalStateException("Unknown curation action " + action));
    }

    public CurationEdit undone(String by, Instant at) {
        return new CurationEdit(id, action, entity, other, entityName, name, type, editor, createdAt, true, at, by);
    }
}
