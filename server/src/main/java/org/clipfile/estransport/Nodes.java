package org.clipfile.estransport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nodes a request may go to: round robin over the live ones; a node that could not be reached is dead until its
 * retry time (doubling with each further failure, capped), after which it is tried again. When every node is dead
 * they are all still offered, the soonest to be retried first, so that a request never fails without trying.
 */
final class Nodes {
    private final List<URI> nodes;
    private final Clock clock;
    private final Duration retry;
    private final Duration maxRetry;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<URI, Dead> dead = new ConcurrentHashMap<>();

    private record Dead(int failures, Instant until) {}

    Nodes(List<URI> nodes, Duration retry, Duration maxRetry, Clock clock) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("No Elasticsearch node configured");
        }
        this.nodes = List.copyOf(nodes);
        this.retry = retry;
        this.maxRetry = maxRetry;
        this.clock = clock;
    }

    /** The nodes to try for one request, in order: live ones from the round robin's position, then the dead ones. */
    List<URI> forRequest() {
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        Instant now = clock.instant();
        List<URI> live = new ArrayList<>(nodes.size());
        List<URI> resting = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get((start + i) % nodes.size());
            Dead state = dead.get(node);
            if (state == null || !state.until().isAfter(now)) {
                live.add(node);
            } else {
                resting.add(node);
            }
        }
        resting.sort(Comparator.comparing(node -> {
            Dead state = dead.get(node);
            return state == null ? now : state.until();
        }));
        live.addAll(resting);
        return live;
    }

    /** Returns whether the node was live until now (so that only the change is worth a warning). */
    boolean markDead(URI node) {
        boolean wasLive = !isDead(node);
        dead.compute(node, (key, previous) -> {
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration wait = retry.multipliedBy(1L << Math.min(failures - 1, 20));
            if (wait.compareTo(maxRetry) > 0) {
                wait = maxRetry;
            }
            return new Dead(failures, clock.instant().plus(wait));
        });
        return wasLive;
    }

    void markAlive(URI node) {
        if (!dead.isEmpty()) {
            dead.remove(node);
        }
    }

    boolean isDead(URI node) {
        Dead state = dead.get(node);
        return state != null && state.until().isAfter(clock.instant());
    }

    List<URI> all() {
        return nodes;
    }
}
