package org.clipfile.saved;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Saved searches and their alerts.
 *
 * @param enabled run the matcher on this instance (any instance may; one at a time holds the run)
 * @param interval how often new articles are checked against every saved search
 * @param lag how far behind the present the checked window ends: an article is stamped when it is prepared and
 *     written up to a few seconds later, then becomes visible at the next refresh
 * @param searchesPerRequest saved searches per {@code _msearch} request
 * @param maxPerOwner saved searches one user may keep
 * @param allowPrivateWebhooks allow webhooks to loopback, link-local and private addresses (off: no requests into
 *     the server's own network on a user's behalf)
 * @param webhookAttempts attempts per webhook delivery, with a doubling pause between them
 * @param webhookTimeout connect and answer time allowed per attempt
 */
@Validated
@ConfigurationProperties("clipfile.alerts")
record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("10s") Duration lag,
        @DefaultValue("250") @Min(1) @Max(2000) int searchesPerRequest,
        @DefaultValue("500") @Min(1) int maxPerOwner,
        @DefaultValue("false") boolean allowPrivateWebhooks,
        @DefaultValue("3") @Min(1) @Max(10) int webhookAttempts,
        @DefaultValue("5s") Duration webhookTimeout) {}
