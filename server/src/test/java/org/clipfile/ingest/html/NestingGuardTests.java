package org.clipfile.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NestingGuardTests {
    /** Finding 4: 200 KB of "<a" took 7 s of a core, the 2 MB page limit about 12 minutes. */
    @Test
    void shouldEstimateTwoMegabytesOfUnclosedTagsInLinearTime() {
        String attack = "<a".repeat(1_000_000);

        int depth = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> NestingGuard.estimatedDepth(attack));

        assertThat(depth).isEqualTo(1_000_000);
    }

    @Test
    void shouldStopCountingOnceTheLimitIsPassed() {
        String deep = "<div>".repeat(50_000);

        assertThat(NestingGuard.estimatedDepth(deep, 2_000)).isEqualTo(2_001);
        assertThat(NestingGuard.estimatedDepth(deep)).isEqualTo(50_000);
    }

    @Test
    void shouldStillSkipSelfClosingAndImplicitlyClosedTags() {
        assertThat(NestingGuard.estimatedDepth("<div><span/><p>x<p>y<br><b>z</b></div>")).isEqualTo(2);
        assertThat(NestingGuard.estimatedDepth("<div><div></div><div><i>a</i></div></div>")).isEqualTo(3);
        assertThat(NestingGuard.estimatedDepth("<a <b")).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheQuadraticPageQuicklyThroughTheExtractor() {
        String page = "<html><body>" + "<a".repeat(900_000) + "</body></html>";

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> new HtmlArticleExtractor().extract(page, null))
                .isInstanceOf(org.clipfile.ingest.InvalidArticleException.class).hasMessageContaining("nests"));
    }
}
