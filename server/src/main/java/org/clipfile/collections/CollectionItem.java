package org.clipfile.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An article in a collection, with the note the desk keeps on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record CollectionItem(
        @JsonProperty("collection_id") String collectionId,
        @JsonProperty("article_id") String articleId,
        @Nullable String note,
        @JsonProperty("added_by") String addedBy,
        @JsonProperty("added_at") Instant addedAt,
        @JsonProperty("updated_by") String updatedBy,
        @JsonProperty("updated_at") Instant updatedAt) {}
