package org.clipfile.security;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.springframework.stereotype.Component;

/**
 * API keys for programs, kept in Elasticsearch ({@code <alias>-api-keys}) so that every instance accepts them.
 *
 * <p>A key is {@code cf_} and 32 bytes from {@link SecureRandom} (256 bits), shown once when it is made. What is
 * stored is its SHA-256, as the document id. A fast unsalted hash is enough here, unlike for passwords: nobody can
 * guess or brute-force a 256-bit random value, so a slow hash (bcrypt) would add nothing but CPU on every request,
 * and salting would forbid the one-GET lookup by id. Whoever reads the index learns no usable key. (An HMAC with a
 * server-side secret would protect low-entropy secrets, which these are not, and would need a secret shared by all
 * instances.)
 */
@Component
public class ApiKeys {
    static final String PREFIX = "cf_";
    private static final Pattern FORMAT = Pattern.compile("cf_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as stored; it holds no secret. {@code id} is public, for listing and revoking. */
    public record StoredKey(
            String id,
            String name,
            Role role,
            String prefix,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("expires_at") @Nullable Instant expiresAt) {

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    /** A new key: the only time {@code key} is ever shown. */
    public record IssuedKey(String id, String name, Role role, String key, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("expires_at") @Nullable Instant expiresAt) {}

    /** Documents by the key's hash. */
    private final SystemIndex<StoredKey> keys;
    private final ExpiringCache<String, StoredKey> cache;

    public ApiKeys(SystemIndices indices, SecurityProperties properties) {
        this.keys = indices.define("api-keys", "api-keys.json", StoredKey.class);
        this.cache = new ExpiringCache<>(properties.cacheTtl(), 10_000);
    }

    String alias() {
        return keys.alias();
    }

    void ensureExists() throws IOException {
        keys.ensureExistsOnce();
    }

    public IssuedKey create(String name, Role role, String createdBy) throws IOException {
        return create(name, role, createdBy, null);
    }

    /** A new key, valid until {@code expiresAt} when that is set. */
    public IssuedKey create(String name, Role role, String createdBy, @Nullable Instant expiresAt)
            throws IOException {
        ensureExists();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] idBytes = new byte[9];
        RANDOM.nextBytes(idBytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
        StoredKey stored = new StoredKey(id, name, role, key.substring(0, 7), Instant.now(), createdBy, expiresAt);
        String hash = hash(key);
        if (keys.create(hash, stored, Refresh.WaitFor).isEmpty()) {
            // Two random 256-bit keys with one SHA-256: not to be seen, but never to overwrite another's key.
            throw new IllegalStateException("An API key with this hash exists already");
        }
        cache.evict(hash);
        return new IssuedKey(id, name, role, key, stored.createdAt(), expiresAt);
    }

    /** The key's record, if the key is one of ours, not revoked and not expired. */
    Optional<StoredKey> authenticate(String key) throws IOException {
        if (!FORMAT.matcher(key).matches()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return cache.get(hash(key), this::read).filter(stored -> !stored.expired(now));
    }

    /** Whether a presented key has the form of ours, for the audit (which records a hash of any other value). */
    static boolean wellFormed(String key) {
        return FORMAT.matcher(key).matches();
    }

    /**
     * Revokes every key a user made: keys must not outlive the person who answers for them. Returns how many.
     */
    int revokeCreatedBy(String username) throws IOException {
        int revoked = 0;
        try {
            while (true) {
                var hits = keys.search(s -> s.size(100)
                                .query(q -> q.term(t -> t.field("created_by").value(username))), StoredKey.class)
                        .hits().hits();
                if (hits.isEmpty()) {
                    return revoked;
                }
                for (var hit : hits) {
                    keys.delete(hit.id(), Refresh.WaitFor);
                    cache.evict(hit.id());
                    revoked++;
                }
            }
        } catch (ElasticsearchException e) {
            if (SystemIndex.isMissingIndex(e)) {
                return revoked;
            }
            throw e;
        }
    }

    private Optional<StoredKey> read(String hash) throws IOException {
        return SystemIndex.unlessMissing(() -> keys.get(hash), Optional.empty());
    }

    List<StoredKey> list() throws IOException {
        return SystemIndex.unlessMissing(() -> keys.find(s -> s.size(1000)
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))), List.of());
    }

    /** Revokes a key by its public id; other instances stop accepting it within the cache time. */
    Optional<StoredKey> delete(String id) throws IOException {
        try {
            var hits = keys.search(s -> s.size(1).query(q -> q.term(t -> t.field("id").value(id))), StoredKey.class)
                    .hits().hits();
            if (hits.isEmpty()) {
                return Optional.empty();
            }
            String hash = hits.getFirst().id();
            keys.delete(hash, Refresh.WaitFor);
            cache.evict(hash);
            return Optional.ofNullable(hits.getFirst().source());
        } catch (ElasticsearchException e) {
            if (SystemIndex.isMissingIndex(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The SHA-256 of a key, in hex: its document id. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
