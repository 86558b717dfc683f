package org.clipfile.copies;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled look for copies at ingest; off, every article leads its own cluster (for measuring the cost, or
 *     an archive known to hold no copies)
 * @param containment share of the smaller body's word 3-shingles found in the other, from which two bodies are
 *     one story (estimated from the MinHash signatures)
 * @param minSimilarity the least Jaccard similarity of the two shingle sets besides
 * @param window how far apart two copies' publication dates may be: wire copies and reprints appear within days,
 *     while template stories (a daily market report, a monthly release) repeat their words over weeks
 */
@Validated
@ConfigurationProperties("clipfile.copies")
public record CopiesProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.6") @DecimalMin("0.3") @DecimalMax("1.0") double containment,
        @DefaultValue("0.2") @DecimalMin("0.05") @DecimalMax("1.0") double minSimilarity,
        @DefaultValue("3d") java.time.Duration window) {

    public static final double CONTAINMENT = 0.6;
    public static final double MIN_SIMILARITY = 0.2;
    public static final java.time.Duration WINDOW = java.time.Duration.ofDays(3);
}
