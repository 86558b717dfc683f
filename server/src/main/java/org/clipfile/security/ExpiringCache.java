package org.clipfile.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * A small cache of lookups that expire: users and keys are read from Elasticsearch at most once per {@code ttl}
 * per instance, and misses are cached too so that a flood of wrong keys does not become a flood of reads. Bounded
 * to {@code maxEntries} (Caffeine evicts the least useful beyond that). A zero {@code ttl} caches nothing.
 */
final class ExpiringCache<K, V> {
    /** A lookup that may fail (Elasticsearch unreachable): failures are not cached. */
    @FunctionalInterface
    interface Loader<K, V> {
        Optional<V> load(K key) throws java.io.IOException;
    }

    private final Cache<K, Optional<V>> entries;
    private final boolean enabled;

    ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, Ticker.systemTicker());
    }

    /** With the clock tests move by hand. */
    ExpiringCache(Duration ttl, int maxEntries, Ticker ticker) {
        this.enabled = ttl.isPositive();
        this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1))
                .maximumSize(maxEntries).ticker(ticker).build();
    }

    Optional<V> get(K key, Loader<K, V> loader) throws java.io.IOException {
        Optional<V> cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        // Not Cache.get(key, loader): the loader's IOException must reach the caller as it is, and nothing cached.
        Optional<V> value = loader.load(key);
        if (enabled) {
            entries.put(key, value);
        }
        return value;
    }

    void evict(K key) {
        entries.invalidate(key);
    }

    void clear() {
        entries.invalidateAll();
    }

    /** Entries held now, after pending evictions (tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
