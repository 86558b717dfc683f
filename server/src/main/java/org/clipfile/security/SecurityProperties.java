package org.clipfile.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bootstrapAdminPassword the password of the first administrator when none exists; unset: one is
 *     generated and logged once. Take it from the environment ({@code CLIPFILE_SECURITY_BOOTSTRAP_ADMIN_PASSWORD}).
 * @param bcryptStrength the cost of password hashes (log2 of the rounds)
 * @param cacheTtl how long a user or key looked up in Elasticsearch is trusted before it is read again, so that a
 *     deleted key stops working on every instance within this time
 * @param minPasswordLength the shortest password accepted for a new user
 */
@Validated
@ConfigurationProperties("clipfile.security")
public record SecurityProperties(
        @Nullable String bootstrapAdminPassword,
        @DefaultValue("12") @Min(4) @Max(31) int bcryptStrength,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("12") @Min(8) int minPasswordLength) {}
