package org.clipfile.estransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTests {
    private static final URI A = URI.create("http://a:9200");
    private static final URI B = URI.create("http://b:9200");
    private static final URI C = URI.create("http://c:9200");

    private final MutableClock clock = new MutableClock();
    private final Nodes nodes = new Nodes(List.of(A, B, C), Duration.ofSeconds(60), Duration.ofMinutes(30), clock);

    @Test
    void shouldTakeTurnsOverTheNodes() {
        List<URI> firsts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            firsts.add(nodes.forRequest().getFirst());
        }
        assertThat(firsts).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void shouldOfferEveryNodeOnceForARequest() {
        assertThat(nodes.forRequest()).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void shouldPutADeadNodeLastUntilItsRetryTime() {
        nodes.markDead(A);
        for (int i = 0; i < 3; i++) {
            assertThat(nodes.forRequest()).hasSize(3).last().isEqualTo(A);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(nodes.isDead(A)).isFalse();
        List<URI> firsts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            firsts.add(nodes.forRequest().getFirst());
        }
        assertThat(firsts).contains(A);
    }

    @Test
    void shouldDoubleTheWaitOnEachFurtherFailureUpToTheLimit() {
        nodes.markDead(B);
        clock.advance(Duration.ofSeconds(61));
        nodes.markDead(B);
        clock.advance(Duration.ofSeconds(61));
        assertThat(nodes.isDead(B)).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(nodes.isDead(B)).isFalse();
        for (int i = 0; i < 30; i++) {
            nodes.markDead(B);
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(nodes.isDead(B)).isTrue();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(nodes.isDead(B)).isFalse();
    }

    @Test
    void shouldForgetTheFailuresOfANodeThatAnswered() {
        nodes.markDead(C);
        nodes.markDead(C);
        nodes.markAlive(C);
        assertThat(nodes.isDead(C)).isFalse();
        nodes.markDead(C);
        clock.advance(Duration.ofSeconds(61));
        assertThat(nodes.isDead(C)).isFalse();
    }

    @Test
    void shouldStillOfferDeadNodesSoonestFirstWhenAllAreDead() {
        nodes.markDead(B);
        clock.advance(Duration.ofSeconds(10));
        nodes.markDead(C);
        nodes.markDead(C);
        clock.advance(Duration.ofSeconds(10));
        nodes.markDead(A);
        assertThat(nodes.forRequest()).containsExactly(B, A, C);
    }

    @Test
    void shouldRefuseAnEmptyNodeList() {
        assertThatThrownBy(() -> new Nodes(List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
