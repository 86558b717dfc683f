package org.clipfile.copies;

import org.clipfile.article.Sketch;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyClustersTests {
    static final Instant MONDAY = Instant.parse("2024-10-21T08:00:00Z");
    static final String STORY = SketchTests.STORY;

    private static CopyClusters.Member member(String id, String cluster, String body, Instant published) {
        Sketch sketch = Sketch.of(body);
        return new CopyClusters.Member(id, cluster, sketch.signature(), sketch.size(), sketch.numbers(), sketch.lead(),
                published);
    }

    private static CopyClusters.Member best(String id, String body, Instant published,
            List<CopyClusters.Member> candidates) {
        return CopyClusters.best(id, published, Sketch.of(body), candidates, CopiesProperties.CONTAINMENT,
                CopiesProperties.MIN_SIMILARITY, CopiesProperties.WINDOW);
    }

    @Test
    void shouldJoinTheClusterOfATrimmedCopyPublishedTheSameWeek() {
        String trimmed = STORY.substring(0, STORY.indexOf("Employers called"));
        var original = member("a", "cluster-a", STORY, MONDAY);

        assertThat(best("b", trimmed, MONDAY.plus(Duration.ofDays(1)), List.of(original))).isEqualTo(original);
    }

    @Test
    void shouldNotJoinACopyPublishedOutsideTheWindow() {
        var original = member("a", "cluster-a", STORY, MONDAY);

        assertThat(best("b", STORY, MONDAY.plus(Duration.ofDays(30)), List.of(original))).isNull();
    }

    @Test
    void shouldJoinABriefOnlyWithinADayButALongStoryWithinTheWholeWindow() {
        // Reuters' Portland grain-ship counts of 1 and 3 April: the same lines, two days apart.
        String brief = "Six grain ships were loading and six were waiting to load at Portland, according to the "
                + "Merchants Exchange of Portland.";
        var april1 = member("a", "cluster-a", brief, MONDAY);
        var story = member("s", "cluster-s", STORY, MONDAY);

        assertThat(Sketch.of(brief).size()).isLessThan(CopyClusters.SHORT_TEXT_SHINGLES);
        assertThat(best("b", brief, MONDAY.plus(Duration.ofHours(3)), List.of(april1))).as("re-sent that morning")
                .isEqualTo(april1);
        assertThat(best("c", brief, MONDAY.plus(Duration.ofDays(2)), List.of(april1))).as("the item of two days later")
                .isNull();
        assertThat(best("d", STORY, MONDAY.plus(Duration.ofDays(2)), List.of(story))).as("a long story's copy")
                .isEqualTo(story);
    }

    @Test
    void shouldCompareOnlyFiguresWithACopyStoredBeforeWordsCountedAsNumbers() {
        Sketch stored = Sketch.of(STORY);
        // As stored before names and words for numbers ("Monday", "three") were kept: figures only, no names.
        var before = new CopyClusters.Member("a", "cluster-a", stored.signature(), stored.size(),
                Sketch.figuresOnly(stored.numbers()), stored.lead(), MONDAY);
        String trimmed = STORY.substring(0, STORY.indexOf("Employers called"));

        assertThat(Sketch.of(trimmed).numbers()).contains("monday", "48", "40");
        assertThat(before.numbers()).doesNotContain("monday");
        assertThat(best("b", trimmed, MONDAY.plus(Duration.ofHours(2)), List.of(before))).isEqualTo(before);
    }

    @Test
    void shouldNotJoinATemplateStoryWhoseFiguresDiffer() {
        String template = "The Bank of England said it forecast a shortage of around %s mln stg in the money market "
                + "today. Among the main factors affecting liquidity, bills maturing in official hands and the "
                + "treasury bill take-up will drain some %s mln stg while a rise in note circulation takes out %s mln.";
        var monday = member("a", "cluster-a", template.formatted("350", "1,020", "330"), MONDAY);
        String trimmed = template.formatted("350", "1,020", "330");
        trimmed = trimmed.substring(0, trimmed.indexOf(" while a rise")) + ".";

        assertThat(best("b", trimmed, MONDAY, List.of(monday))).as("a copy that dropped a figure").isEqualTo(monday);
        assertThat(best("c", template.formatted("450", "1,020", "330"), MONDAY, List.of(monday)))
                .as("one figure of three differs: another forecast").isNull();
        assertThat(best("d", template.formatted("450", "870", "120"), MONDAY, List.of(monday))).isNull();
    }

    @Test
    void shouldNotJoinACopyOfOneFigureThatDiffers() {
        String template = "Cyprus Minerals Company said it is decreasing its electrolytic copper cathode price by "
                + "one cent to %s cents a pound, effective immediately, and other producers were expected to follow.";
        var first = member("a", "cluster-a", template.formatted("67.0"), MONDAY);

        assertThat(best("b", template.formatted("66.0"), MONDAY.plus(Duration.ofDays(2)), List.of(first))).isNull();
        assertThat(best("c", template.formatted("67.0"), MONDAY, List.of(first))).isEqualTo(first);
    }

    @Test
    void shouldNotJoinARateTableWhoseOldRatesRepeatTheEarlierTablesNewRates() {
        String earlier = """
                The Federal Home Loan Bank Board adjusted the rates on its short-term discount notes as follows:
                MATURITY NEW RATE OLD RATE MATURITY 30-273 days 5.00 pct 5.00 pct 30-89 days 274-294 days 5.92 pct \
                5.83 pct 90-100 days 295-344 days 5.00 pct 5.00 pct 101-181 days 345-360 days 5.93 pct 5.82 pct \
                182-195 days 5.00 pct 196-274 days 5.90 pct 275-295 days 5.00 pct 296-360 days""";
        String later = """
                The Federal Home Loan Bank Board adjusted the rates on its short-term discount notes as follows:
                MATURITY NEW RATE OLD RATE MATURITY 30-273 days 5.00 pct 5.00 pct 30-273 days 274-294 days 5.90 pct \
                5.92 pct 274-294 days 295-344 days 5.00 pct 5.00 pct 295-344 days 345-360 days 5.93 pct 5.93 pct \
                345-360 days""";
        var first = member("a", "cluster-a", earlier, MONDAY);

        assertThat(Sketch.of(earlier).numbers()).containsAll(Sketch.of(later).numbers());
        assertThat(CopyClusters.best("b", MONDAY, Sketch.of(later), null, new CopyClusters.Agreement(
                CopyClusters.NAMES_AGREE, CopyClusters.NUMBERS_AGREE, CopyClusters.NUMBERS_LEAST, 1, true, -1),
                List.of(first), CopiesProperties.CONTAINMENT, CopiesProperties.MIN_SIMILARITY, CopiesProperties.WINDOW))
                .as("the text and the set of figures alone would join them").isEqualTo(first);
        assertThat(best("b", later, MONDAY, List.of(first))).as("every figure in the earlier, in another order")
                .isNull();
        assertThat(best("c", earlier, MONDAY, List.of(first))).isEqualTo(first);
    }

    private static CopyClusters.Member named(String id, String body, @org.jspecify.annotations.Nullable List<String> names) {
        Sketch sketch = Sketch.of(body);
        return new CopyClusters.Member(id, id, sketch.signature(), sketch.size(), sketch.numbers(), sketch.lead(),
                MONDAY, names);
    }

    private static CopyClusters.Member bestNamed(String body, @org.jspecify.annotations.Nullable List<String> names,
            List<CopyClusters.Member> found) {
        return CopyClusters.best("new", MONDAY, Sketch.of(body), names, CopyClusters.NAMES_AGREE, found,
                CopiesProperties.CONTAINMENT, CopiesProperties.MIN_SIMILARITY, CopiesProperties.WINDOW);
    }

    /** A prime-rate notice whose body names its bank only in words the lead check cannot tell apart. */
    static final String NOTICE = "The bank said it is cutting its prime lending rate to 8-3/4 pct from 9-1/4 pct, "
            + "effective tomorrow, matching the move made earlier in the day by the other major banks of the country "
            + "after the central bank lowered its rate.";

    @Test
    void shouldJoinACandidateWhoseNamesAgree() {
        var montreal = named("a", NOTICE, List.of("group:bank-of-montreal", "place:canada"));

        assertThat(bestNamed(NOTICE, List.of("group:bank-of-montreal"), List.of(montreal))).isEqualTo(montreal);
    }

    @Test
    void shouldNotJoinACandidateWhoseNamesDiffer() {
        var montreal = named("a", NOTICE, List.of("group:bank-of-montreal", "place:canada"));

        assertThat(bestNamed(NOTICE, List.of("group:bank-of-nova-scotia", "place:toronto"), List.of(montreal)))
                .isNull();
    }

    @Test
    void shouldJoinOnTheTextAloneWhenEitherSideHasNoKnownNames() {
        var storedBeforeNames = named("a", NOTICE, null);
        var named = named("b", NOTICE, List.of("group:bank-of-montreal"));

        assertThat(bestNamed(NOTICE, List.of("group:bank-of-nova-scotia"), List.of(storedBeforeNames)))
                .as("stored before names were").isEqualTo(storedBeforeNames);
        assertThat(bestNamed(NOTICE, null, List.of(named))).as("the new article was not enriched").isEqualTo(named);
    }

    @Test
    void shouldNotJoinWhenOnlyOneSideNamesSomeone() {
        var namesNoOne = named("a", NOTICE, List.of());
        var named = named("b", NOTICE, List.of("group:bank-of-montreal"));

        assertThat(bestNamed(NOTICE, List.of("group:bank-of-nova-scotia"), List.of(namesNoOne))).isNull();
        assertThat(bestNamed(NOTICE, List.of(), List.of(named))).isNull();
        assertThat(bestNamed(NOTICE, List.of(), List.of(namesNoOne))).as("neither names anyone")
                .isEqualTo(namesNoOne);
    }
}
