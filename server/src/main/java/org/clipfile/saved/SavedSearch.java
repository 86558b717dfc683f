package org.clipfile.saved;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A saved search as stored in Elasticsearch. The feed token is kept only as its SHA-256; the webhook secret must
 * be kept as is, since the server signs with it.
 *
 * @param query the search's query string, as the page's URL holds it ({@code q=raid&country=SY})
 * @param newCount matches found since the owner last looked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record SavedSearch(
        String id,
        String owner,
        String name,
        String query,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("feed_token_hash") @Nullable String feedTokenHash,
        @JsonProperty("new_count") long newCount,
        @JsonProperty("seen_at") Instant seenAt,
        @JsonProperty("last_match_at") @Nullable Instant lastMatchAt,
        @JsonProperty("last_checked_at") @Nullable Instant lastCheckedAt,
        @Nullable Webhook webhook) {

    /** Where new matches are posted, and how the last deliveries went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(
            String url,
            String secret,
            @JsonProperty("last_attempt_at") @Nullable Instant lastAttemptAt,
            @JsonProperty("last_success_at") @Nullable Instant lastSuccessAt,
            @JsonProperty("last_status") @Nullable Integer lastStatus,
            int failures,
            @JsonProperty("last_error") @Nullable String lastError) {

        static Webhook of(String url, String secret) {
            return new Webhook(url, secret, null, null, null, 0, null);
        }
    }

    SavedSearch withDefinition(String newName, String newQuery, @Nullable Webhook newWebhook, Instant now) {
        return new SavedSearch(id, owner, newName, newQuery, createdAt, now, feedTokenHash, newCount, seenAt,
                lastMatchAt, lastCheckedAt, newWebhook);
    }

    SavedSearch withFeedTokenHash(@Nullable String hash, Instant now) {
        return new SavedSearch(id, owner, name, query, createdAt, now, hash, newCount, seenAt, lastMatchAt,
                lastCheckedAt, webhook);
    }

    SavedSearch seen(Instant now) {
        return new SavedSearch(id, owner, name, query, createdAt, updatedAt, feedTokenHash, 0, now, lastMatchAt,
                lastCheckedAt, webhook);
    }
}
