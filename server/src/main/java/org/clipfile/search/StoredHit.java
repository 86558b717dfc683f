package org.clipfile.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The stored fields a result shows ({@link SearchRequestFactory#RESULT_FIELDS}), read straight from a hit's
 * {@code _source} into typed fields; only {@code entities} stays a tree, passed through to the answer as stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredHit(
        @Nullable String id,
        @Nullable String title,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String section,
        @Nullable List<String> tags,
        @Nullable String url,
        @Nullable JsonNode entities) {}
