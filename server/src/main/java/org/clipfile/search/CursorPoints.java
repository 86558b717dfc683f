package org.clipfile.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The points in time held open for cursors, by caller. Each one costs Elasticsearch resources for minutes and the
 * cluster allows a few hundred in all, so a caller holds at most {@link #MAX_PER_CALLER}: opening one more gives
 * back that caller's least recently used. A walk's last page gives its own back at once; one left alone expires
 * in Elasticsearch and is forgotten here after the same time.
 */
final class CursorPoints {
    static final int MAX_PER_CALLER = 10;

    private record Held(String caller, long lastUsedNanos) {}

    private final Duration keepAlive;
    private final LongSupplier nanos;
    /** In order of last use, oldest first. */
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>(16, 0.75f, true);

    CursorPoints(Duration keepAlive, LongSupplier nanos) {
        this.keepAlive = keepAlive;
        this.nanos = nanos;
    }

    /** Notes a point in time in use by {@code caller}; returns those to close so that the caller stays in bounds. */
    synchronized List<String> used(String caller, String pit, String previousPit) {
        long now = nanos.getAsLong();
        forgetExpired(now);
        if (!pit.equals(previousPit)) {
            held.remove(previousPit);
        }
        held.put(pit, new Held(caller, now));
        List<String> toClose = new ArrayList<>();
        long count = held.values().stream().filter(h -> h.caller().equals(caller)).count();
        for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator();
                it.hasNext() && count > MAX_PER_CALLER; ) {
            Map.Entry<String, Held> entry = it.next();
            if (entry.getValue().caller().equals(caller) && !entry.getKey().equals(pit)) {
                toClose.add(entry.getKey());
                it.remove();
                count--;
            }
        }
        return toClose;
    }

    synchronized void released(String pit) {
        held.remove(pit);
    }

    synchronized int heldBy(String caller) {
        forgetExpired(nanos.getAsLong());
        return (int) held.values().stream().filter(h -> h.caller().equals(caller)).count();
    }

    private void forgetExpired(long now) {
        held.values().removeIf(h -> now - h.lastUsedNanos() > keepAlive.toNanos());
    }
}
