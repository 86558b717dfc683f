package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionSpansTests {
    static final Enrichment ENRICHMENT = new Enrichment(
            List.of(new EntityFacet("person:rami-abdel-rahman", "Rami Abdel Rahman", "person",
                    List.of("rami abdel rahman", "abdel rahman"), 2)),
            List.of(new EntityFacet("group:hayat-tahrir-al-sham", "Hayat Tahrir al-Sham", "group",
                    List.of("hts", "hayat tahrir al sham"), 2)),
            List.of(new PlaceFacet("place:country:US", "United States", "country", "US", "United States", null,
                    null, null, null, 38.9, -77.0, "capital", false, List.of(), List.of("us", "united states"), 1),
                    new PlaceFacet("place:region:SY.12", "Idlib", "region", "SY", "Syria", "place:region:SY.12",
                            "Idlib", null, null, 35.9, 36.6, "seat", false, List.of("place:country:SY"),
                            List.of("idlib"), 1)));

    private static List<String> marked(String text) {
        return new MentionSpans(ENRICHMENT).find(text).stream()
                .map(s -> s.type() + ":" + text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void shouldMarkNamesRegardlessOfCaseDiacriticsAndHyphens() {
        assertThat(marked("Fighters of Hayʾat Taḥrīr al-Shām and HTS clashed."))
                .containsExactly("group:Hayʾat Taḥrīr al-Shām", "group:HTS");
    }

    @Test
    void shouldPreferTheLongestName() {
        assertThat(marked("Rami Abdel Rahman told AFP; Abdel Rahman added more."))
                .containsExactly("person:Rami Abdel Rahman", "person:Abdel Rahman");
    }

    @Test
    void shouldNotMarkALowercaseWordThatSpellsAShortName() {
        assertThat(marked("He told us the U.S. would leave Idlib."))
                .containsExactly("place:U.S", "place:Idlib");
    }

    @Test
    void shouldGiveOffsetsIntoTheOriginalText() {
        String text = "«Idlib»";
        var spans = new MentionSpans(ENRICHMENT).find(text);

        assertThat(spans).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(1);
            assertThat(s.end()).isEqualTo(6);
            assertThat(s.id()).isEqualTo("place:region:SY.12");
            assertThat(s.name()).isEqualTo("Idlib");
        });
    }

    @Test
    void shouldMarkNothingInATextWithoutTheNames() {
        assertThat(marked("A quiet day in the valley.")).isEmpty();
    }
}
