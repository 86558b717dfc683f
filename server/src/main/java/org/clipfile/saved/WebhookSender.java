package org.clipfile.saved;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.clipfile.audit.AuditLog;
import org.clipfile.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts new matches of a saved search to its webhook: JSON signed with HMAC-SHA256 over {@code <timestamp>.<body>}
 * in {@code X-Clipfile-Signature: sha256=<hex>} (the timestamp in {@code X-Clipfile-Timestamp}, so a receiver can
 * refuse replays). A few attempts with a doubling pause, no redirects followed, a bounded queue; the outcome is
 * written to the saved search's {@code webhook} status.
 */
@Component
class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String SIGNATURE = "X-Clipfile-Signature";
    static final String TIMESTAMP = "X-Clipfile-Timestamp";
    private static final int QUEUE = 1000;

    /** What is posted: the saved search, how many new matches, and the newest few. */
    record Payload(String event, @com.fasterxml.jackson.annotation.JsonProperty("saved_search") Map<String, String> savedSearch,
            @com.fasterxml.jackson.annotation.JsonProperty("new_matches") long newMatches,
            @com.fasterxml.jackson.annotation.JsonProperty("window_from") String windowFrom,
            @com.fasterxml.jackson.annotation.JsonProperty("window_to") String windowTo,
            List<Map<String, @Nullable Object>> articles) {}

    private final SavedSearchStore store;
    private final AlertProperties properties;
    private final HttpClient http;
    private final ThreadPoolExecutor executor;
    /** Every delivery and every failure is in the audit ({@code webhook.delivered}, {@code webhook.failed}). */
    private final @Nullable AuditLog audit;

    /** Without the audit (a benchmark). */
    WebhookSender(SavedSearchStore store, AlertProperties properties) {
        this(store, properties, null);
    }

    @Autowired
    WebhookSender(SavedSearchStore store, AlertProperties properties, @Nullable AuditLog audit) {
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().daemon().name("webhook-", 0).factory());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A webhook address the server may post to: http(s), and not into its own network unless allowed. */
    URI checkedUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("webhook_url is not a valid URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getUserInfo() != null) {
            throw ApiProblem.badRequest("webhook_url must be an http or https URL with a host and no user name");
        }
        if (!properties.allowPrivateWebhooks() && isPrivate(url.getHost())) {
            throw ApiProblem.badRequest("webhook_url points into a private, loopback or link-local network, which "
                    + "this server does not post to (clipfile.alerts.allow-private-webhooks)");
        }
        return url;
    }

    private static boolean isPrivate(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            throw ApiProblem.badRequest("webhook_url names a host that cannot be resolved: " + host);
        }
    }

    /** Queues a delivery; when the queue is full the failure is recorded at once. */
    void send(SavedSearch saved, Payload payload) {
        try {
            executor.execute(() -> deliver(saved, payload));
        } catch (RejectedExecutionException e) {
            record(saved, Instant.now(), null, false, "delivery queue full; this batch of matches was not posted");
        }
    }

    void deliver(SavedSearch saved, Payload payload) {
        SavedSearch.Webhook webhook = saved.webhook();
        if (webhook == null) {
            return;
        }
        byte[] body = JsonMapper.shared().writeValueAsBytes(payload);
        Duration pause = Duration.ofSeconds(1);
        String error = null;
        Integer status = null;
        for (int attempt = 1; attempt <= properties.webhookAttempts(); attempt++) {
            Instant now = Instant.now();
            try {
                URI url = checkedUrl(webhook.url()); // again: the name may resolve elsewhere now
                String timestamp = Long.toString(now.getEpochSecond());
                HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.webhookTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Clipfile-Webhook")
                        .header(TIMESTAMP, timestamp)
                        .header(SIGNATURE, "sha256=" + sign(webhook.secret(), timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    record(saved, now, status, true, null);
                    return;
                }
                error = "HTTP " + status;
                if (status >= 400 && status < 500 && status != 408 && status != 429) {
                    break; // the receiver refuses this request; sending it again will not help
                }
            } catch (ApiProblem e) {
                error = e.getBody().getDetail();
                break;
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < properties.webhookAttempts()) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2);
            }
        }
        log.info("Webhook of saved search {} failed: {}", saved.id(), error);
        record(saved, Instant.now(), status, false, error);
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : host;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts consecutive failures; a success sets them back to 0. Errors are cut short. */
    private void record(SavedSearch saved, Instant at, @Nullable Integer status, boolean success,
            @Nullable String error) {
        SavedSearch.Webhook webhook = saved.webhook();
        if (audit != null) {
            // The receiver's host only: a webhook address may carry a token in its path or query.
            String host = webhook == null ? "?" : hostOf(webhook.url());
            audit.system(success ? "webhook.delivered" : "webhook.failed", saved.id(), success ? 200 : 502, null,
                    success ? "HTTP " + status + " from " + host : "to " + host + ": " + error);
        }
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.put("last_attempt_at", at.toString());
        fields.put("last_status", status);
        if (success) {
            fields.put("last_success_at", at.toString());
            fields.put("failures", 0);
            fields.put("last_error", null);
        } else {
            int before = 0;
            try {
                before = store.find(saved.id()).map(v -> v.search().webhook()).map(SavedSearch.Webhook::failures)
                        .orElse(webhook == null ? 0 : webhook.failures());
            } catch (IOException e) {
                log.debug("Cannot read the webhook status of {}", saved.id(), e);
            }
            fields.put("failures", before + 1);
            fields.put("last_error", error == null ? null : error.length() > 300 ? error.substring(0, 300) : error);
        }
        try {
            store.webhookStatus(saved.id(), fields);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot record the webhook status of saved search {}: {}", saved.id(), e.toString());
        }
    }
}
