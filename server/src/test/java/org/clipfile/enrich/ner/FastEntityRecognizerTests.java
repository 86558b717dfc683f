package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.enrich.TestEnrichers;
import org.junit.jupiter.api.Test;

/**
 * The fast recognizer against its reference, CoreNLP's own pipeline with the same model: the same label on every
 * token and the same mentions. The whole of ../shared/corpora is compared by {@code scripts/compare-recognizers.sh}.
 */
class FastEntityRecognizerTests {
    private final FastEntityRecognizer fast = TestEnrichers.fast();
    private final CoreNlpEntityRecognizer coreNlp = TestEnrichers.coreNlp();

    /** Texts that reach each kind of feature: hyphens, pronouns, repeated names, British spelling, edges. */
    private static final List<String> HAND_WRITTEN = List.of(
            "Spokesman John Kirby of the Pentagon said the raid in Syria succeeded.",
            "Hayat Tahrir al-Sham, formerly Al-Qaeda's Syrian branch, controls Idlib; a Chicago-based firm and the "
                    + "Paris-area office of Lazard-Freres were not involved. He said his team left.",
            "The Labour Party's organisation in Cardiff criticised the colour of the Ministry of Defence's report.\n\n"
                    + "Smith met Jones in London. Later Smith and Jones flew to Paris, where Smith said Jones and "
                    + "Smith would return to London with Mr. Jones on Monday, 12 March 1987.",
            "REUTERS HEADLINE IN CAPITALS: OPEC OIL OUTPUT RISES TO 16.5 MLN BPD\n\nOPEC said on Tuesday that "
                    + "Saudi Arabia and the U.A.E. raised output; the International Monetary Fund (IMF) agreed. Reuter",
            "syria\n\nUS special troops chased down high-ranking terrorists in northern Syria.",
            "x",
            "Ünïcödé names like Zoë Ångström, Łódź and São Paulo — and emoji 😀 — from Société Générale.",
            "a " + "very ".repeat(200) + "long sentence by Angela Merkel in Berlin about Berlin and Angela Merkel.");

    @Test
    void shouldLabelEveryTokenAsCoreNlpDoesOnHandWrittenTexts() {
        for (String text : HAND_WRITTEN) {
            assertThat(fast.labeled(text).tokens()).as(text).isEqualTo(coreNlp.labeled(text).tokens());
            assertThat(fast.recognize(text)).as(text).isEqualTo(coreNlp.recognize(text));
        }
    }

    @Test
    void shouldLabelEveryTokenAsCoreNlpDoesOnASampleOfEverySharedCorpus() throws Exception {
        assumeTrue(Files.isDirectory(SharedCorpora.ROOT), "../shared/corpora is absent: no corpus to compare on");
        List<SharedCorpora.Text> sample = new ArrayList<>(SharedCorpora.seed());
        sample.addAll(SharedCorpora.gum(4));
        sample.addAll(SharedCorpora.reuters(12));
        sample.addAll(SharedCorpora.bbc(5));
        assumeTrue(sample.size() > 1, "../shared/corpora holds none of seed, GUM, Reuters-21578, BBC");

        int tokens = 0;
        List<String> differences = new ArrayList<>();
        for (SharedCorpora.Text text : sample) {
            List<String> found = RecognizerComparison.compare(coreNlp, fast, text);
            tokens += Integer.parseInt(found.getFirst());
            differences.addAll(found.subList(1, found.size()));
        }

        assertThat(tokens).isGreaterThan(1000);
        assertThat(differences).isEmpty();
    }

    @Test
    void shouldFindPeopleOrganizationsAndPlacesAtTheirOffsets() {
        String text = "Spokesman John Kirby of the Pentagon said the raid in Syria succeeded.";

        List<Mention> mentions = fast.recognize(text);

        assertThat(mentions).containsExactly(new Mention("John Kirby", MentionType.PERSON, 10, 20),
                new Mention("Pentagon", MentionType.ORGANIZATION, 28, 36),
                new Mention("Syria", MentionType.LOCATION, 54, 59));
    }

    @Test
    void shouldLabelAHyphenatedNameAsOneTokenAndGiveEachPartItsLabel() {
        String text = "Fighters of Hayat Tahrir al-Sham control Idlib.";

        List<LabeledToken> tokens = fast.labeled(text).tokens();

        assertThat(tokens).extracting(LabeledToken::word).contains("al", "-", "Sham");
        assertThat(tokens).filteredOn(t -> List.of("al", "-", "Sham").contains(t.word()))
                .extracting(LabeledToken::label).containsOnly(tokens.get(2).label());
    }

    @Test
    void shouldGiveTheSameLabelsWhenItsWordCacheIsEmptiedBetweenSentences() {
        List<String> first = List.of("Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Berlin", ".");
        List<String> second = List.of("Macron", "told", "Reuters", "that", "Merkel", "left", "Paris", ".");
        CrfTagger roomy = fast.newTagger(CrfTagger.MAX_WORDS);
        CrfTagger cramped = fast.newTagger(10);

        int[] expectedFirst = fast.tag(roomy, first);
        int[] expectedSecond = fast.tag(roomy, second);
        int[] actualFirst = fast.tag(cramped, first);
        int[] actualSecond = fast.tag(cramped, second);

        assertThat(cramped.cachedWords()).isLessThanOrEqualTo(10);
        assertThat(actualFirst).isEqualTo(expectedFirst);
        assertThat(actualSecond).isEqualTo(expectedSecond);
        assertThat(Arrays.stream(expectedFirst).filter(l -> l != 0).count()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldReturnTheSameMentionsWhenManyThreadsShareIt() throws Exception {
        List<String> texts = HAND_WRITTEN.subList(0, 4);
        List<List<Mention>> expected = texts.stream().map(coreNlp::recognize).toList();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Mention>>> results = new ArrayList<>();
            for (int i = 0; i < threads * 10; i++) {
                String text = texts.get(i % texts.size());
                results.add(pool.submit(() -> fast.recognize(text)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldFindNothingInBlankText() {
        assertThat(fast.recognize(" \n\n ")).isEmpty();
        assertThat(fast.recognize("")).isEmpty();
    }
}
