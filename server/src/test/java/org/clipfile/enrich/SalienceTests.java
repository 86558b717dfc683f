package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;
import org.junit.jupiter.api.Test;

class SalienceTests {
    private static final String TITLE = "Iran says it will raise oil exports";
    private static final String TEXT = TITLE + "\n\n" + "Iran will raise exports, Tehran said.\n\nIran has produced above "
            + "its quota. Iran's exports go mainly to Japan.";

    private static List<Mention> all(String text, String name) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            mentions.add(new Mention(name, MentionType.LOCATION, i, i + name.length()));
        }
        return mentions;
    }

    @Test
    void shouldRateTheSubjectOfTheTitleAndLeadNearOne() {
        List<Mention> iran = all(TEXT, "Iran");
        Salience salience = Salience.of(TEXT, TITLE.length(), iran.size() + 2);

        assertThat(salience.of(iran)).isGreaterThan(0.85).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shouldRateAPlaceNamedOnceAtTheEndLow() {
        List<Mention> japan = all(TEXT, "Japan");
        Salience salience = Salience.of(TEXT, TITLE.length(), 6);

        assertThat(salience.of(japan)).isLessThan(0.2);
    }

    @Test
    void shouldCountTheLeadOfABodyWithoutATitle() {
        String body = "Iran will raise exports.\n\nLater, Japan said it would buy more.";
        Salience salience = Salience.of(body, 0, 2);

        assertThat(salience.of(all(body, "Iran"))).isGreaterThan(salience.of(all(body, "Japan")));
        assertThat(salience.of(List.of())).isZero();
    }

    @Test
    void shouldEstimateFromMentionsWhenStoredWithoutSalience() {
        assertThat(Salience.estimate(1)).isLessThan(Salience.estimate(4));
        assertThat(Salience.estimate(40)).isEqualTo(Salience.FREQUENCY);
    }
}
