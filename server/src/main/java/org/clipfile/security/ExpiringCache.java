package org.clipfile.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small cache of lookups that expire: users and keys are read from Elasticsearch at most once per {@code ttl}
 * per instance, and misses are cached too so that a flood of wrong keys does not become a flood of reads. Bounded:
 * past {@code maxEntries} it starts afresh rather than growing.
 */
final class ExpiringCache<K, V> {
    private record Entry<V>(Optional<V> value, long expiresAtNanos) {}

    /** A lookup that may fail (Elasticsearch unreachable): failures are not cached. */
    @FunctionalInterface
    interface Loader<K, V> {
        Optional<V> load(K key) throws java.io.IOException;
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    ExpiringCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    Optional<V> get(K key, Loader<K, V> loader) throws java.io.IOException {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.value();
        }
        Optional<V> value = loader.load(key);
        if (ttlNanos > 0) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }

    void evict(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }
}
