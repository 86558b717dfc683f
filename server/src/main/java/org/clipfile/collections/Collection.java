package org.clipfile.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A collection as stored; {@code kind} is {@code collection} or {@code starred} (one per user, private). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Collection(
        String id,
        String name,
        String owner,
        @JsonProperty("private") boolean isPrivate,
        String kind,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    static final String STARRED = "starred";

    boolean visibleTo(String user, boolean admin) {
        return admin || !isPrivate || owner.equals(user);
    }

    boolean ownedBy(String user, boolean admin) {
        return admin || owner.equals(user);
    }
}
