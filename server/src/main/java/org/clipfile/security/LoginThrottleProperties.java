package org.clipfile.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How wrong logins are slowed down (see {@link LoginThrottle}).
 *
 * @param freePerUser wrong passwords for one user name before its logins are held back
 * @param freePerAddress wrong logins from one client address before its logins are held back
 * @param firstWait the first wait imposed; it doubles with each further failure
 * @param maxWait the longest wait imposed
 * @param forgetAfter failures older than this are forgotten
 */
@Validated
@ConfigurationProperties("clipfile.security.logins")
public record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) int freePerUser,
        @DefaultValue("20") @Min(1) int freePerAddress,
        @DefaultValue("1s") Duration firstWait,
        @DefaultValue("15m") Duration maxWait,
        @DefaultValue("1h") Duration forgetAfter) {}
