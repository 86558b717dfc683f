package org.clipfile.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility set up as the tests' hand-written loops polled: the first check at once, then one every
 * {@code interval}, on the calling thread (the clients and predicates polled need not be thread-safe), and an
 * exception or failed assertion inside a check ends the wait at once instead of being retried. Exceptions no one
 * caught in other threads (the server's, in the same JVM) are not the wait's business, as they were not before.
 */
public final class Polls {
    private Polls() {}

    public static ConditionFactory every(Duration interval, Duration atMost) {
        return Awaitility.await()
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(interval)
                .pollInSameThread()
                .dontCatchUncaughtExceptions();
    }
}
