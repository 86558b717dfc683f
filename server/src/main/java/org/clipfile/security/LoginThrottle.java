package org.clipfile.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a few wrong logins for a user name, or from a client address, further logins
 * for it wait a time that doubles with each failure (up to a maximum), and are answered 429 without even checking
 * the password (which costs a bcrypt hash) until then. A right password resets its user and address. Kept in
 * memory, per server instance; an instance forgets the oldest entries beyond {@value #MAX_ENTRIES}.
 */
@Component
class LoginThrottle {
    static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(LoginThrottleProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must wait before this login is checked, if at all. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(blockedUntil("user:" + username, now), blockedUntil("address:" + address, now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record("user:" + username, properties.freePerUser(), now);
        record("address:" + address, properties.freePerAddress(), now);
    }

    void succeeded(String username, String address) {
        failures.remove("user:" + username);
        failures.remove("address:" + address);
    }

    private Instant blockedUntil(String key, Instant now) {
        Failures current = failures.get(key);
        if (current == null) {
            return Instant.MIN;
        }
        if (current.last().plus(properties.forgetAfter()).isBefore(now)) {
            failures.remove(key, current);
            return Instant.MIN;
        }
        return current.blockedUntil();
    }

    private void record(String key, int free, Instant now) {
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(properties.forgetAfter()).isBefore(now));
            if (failures.size() >= MAX_ENTRIES) {
                failures.clear(); // under a flood of made-up names: forget rather than grow without bound
            }
        }
        failures.compute(key, (k, old) -> {
            int count = old == null || old.last().plus(properties.forgetAfter()).isBefore(now) ? 1 : old.count() + 1;
            Instant blocked = count < free ? Instant.MIN : now.plus(wait(count - free));
            return new Failures(count, now, blocked);
        });
    }

    /** firstWait doubled {@code excess} times, at most maxWait. */
    Duration wait(int excess) {
        Duration wait = properties.firstWait();
        for (int i = 0; i < excess && wait.compareTo(properties.maxWait()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : wait;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
