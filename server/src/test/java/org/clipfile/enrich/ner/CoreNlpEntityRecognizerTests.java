package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.enrich.TestEnrichers;
import org.junit.jupiter.api.Test;

class CoreNlpEntityRecognizerTests {
    private final EntityRecognizer recognizer = TestEnrichers.coreNlp();

    @Test
    void shouldFindPeopleOrganizationsAndPlacesAtTheirOffsets() {
        String text = "Spokesman John Kirby of the Pentagon said the raid in Syria succeeded.";

        List<Mention> mentions = recognizer.recognize(text);

        assertThat(mentions).contains(new Mention("John Kirby", MentionType.PERSON, 10, 20),
                new Mention("Pentagon", MentionType.ORGANIZATION, 28, 36),
                new Mention("Syria", MentionType.LOCATION, 54, 59));
        assertThat(mentions).allSatisfy(m -> assertThat(text.substring(m.begin(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void shouldEndASentenceAtABlankLineSoLinesAreNotMergedIntoOneName() {
        String text = "In Northwestern Syria, US Special Forces carried out a raid.\n\nsyria\n\n"
                + "US special troops chased down high-ranking terrorists in northern Syria.";

        List<Mention> mentions = recognizer.recognize(text);

        assertThat(mentions).noneMatch(m -> m.text().contains("\n"));
        int secondUs = text.indexOf("US special");
        assertThat(mentions).contains(new Mention("US", MentionType.LOCATION, secondUs, secondUs + 2));
    }

    @Test
    void shouldReturnTheSameMentionsWhenManyThreadsShareThePipeline() throws Exception {
        List<String> texts = List.of(
                "Rami Abdel Rahman told AFP that 13 people died near Atme in Idlib province.",
                "A ceasefire agreement reached by Moscow and Ankara remains in effect, Russia said.",
                "The Syrian Observatory for Human Rights said US Central Command led the operation.",
                "Abu Bakr al-Baghdadi was killed in 2019 in a raid by US special forces in Syria.");
        List<List<Mention>> expected = texts.stream().map(recognizer::recognize).toList();

        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Mention>>> results = new ArrayList<>();
            for (int i = 0; i < threads * 10; i++) {
                String text = texts.get(i % texts.size());
                results.add(pool.submit(() -> recognizer.recognize(text)));
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
        assertThat(recognizer.recognize(" \n\n ")).isEmpty();
    }
}
