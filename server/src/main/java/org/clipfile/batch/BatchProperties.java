package org.clipfile.batch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxNames names one batch may hold
 * @param maxNameChars longest name
 * @param maxUploadBytes largest CSV upload
 * @param namesPerRequest names per {@code _msearch} request
 * @param concurrentJobs batches running at once on one instance (more wait their turn)
 * @param topArticles articles listed per name
 * @param abandonedAfter a queued or running batch whose instance has not written for this long is taken over by
 *     another (its instance stopped)
 * @param takeoverInterval how often each instance looks for abandoned batches
 */
@Validated
@ConfigurationProperties("clipfile.batch")
record BatchProperties(
        @DefaultValue("10000") @Min(1) @Max(100000) int maxNames,
        @DefaultValue("200") @Min(10) int maxNameChars,
        @DefaultValue("5000000") @Min(1000) long maxUploadBytes,
        @DefaultValue("100") @Min(1) @Max(1000) int namesPerRequest,
        @DefaultValue("2") @Min(1) @Max(16) int concurrentJobs,
        @DefaultValue("3") @Min(0) @Max(20) int topArticles,
        @DefaultValue("2m") Duration abandonedAfter,
        @DefaultValue("30s") Duration takeoverInterval) {}
