package org.clipfile.enrich.entities;

import java.util.Locale;
import org.clipfile.enrich.ner.MentionType;

/** What a journalist facets on: people apart from groups (organizations, armed groups, agencies, media). */
public enum EntityType {
    PERSON,
    GROUP;

    /** The prefix of this type's ids: {@code person:}, {@code group:}. */
    public String idPrefix() {
        return name().toLowerCase(Locale.ROOT) + ":";
    }

    public MentionType mentionType() {
        return this == PERSON ? MentionType.PERSON : MentionType.ORGANIZATION;
    }

    /** The entity type for a recognizer's type; locations are not entities here but places. */
    public static EntityType of(MentionType type) {
        return switch (type) {
            case PERSON -> PERSON;
            case ORGANIZATION -> GROUP;
            case LOCATION -> throw new IllegalArgumentException("A location is resolved as a place, not an entity");
        };
    }
}
