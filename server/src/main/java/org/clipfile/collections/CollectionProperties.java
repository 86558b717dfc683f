package org.clipfile.collections;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxArticles articles one collection may hold: the {@code collection=} filter is a terms filter on their
 *     ids, sent with every search
 * @param maxNoteChars longest note on an article
 */
@Validated
@ConfigurationProperties("clipfile.collections")
record CollectionProperties(
        @DefaultValue("10000") @Min(1) @Max(10000) int maxArticles,
        @DefaultValue("10000") @Min(1) int maxNoteChars) {}
