package org.clipfile.versions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled keep the earlier text of an article ingested again with other words; off, the new text replaces it
 *     as before
 * @param maxPerArticle the most earlier versions kept per article: beyond it the oldest version after the first is
 *     dropped (the text as first published and the latest edits are kept; the numbering shows the gap)
 */
@Validated
@ConfigurationProperties("clipfile.versions")
public record VersionsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Min(2) @Max(100) int maxPerArticle) {}
