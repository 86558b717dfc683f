package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.testsupport.RandomInputs;
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
    void shouldFindTheSameSpansWhenOnlyTheNamesATextCanContainArePrepared() {
        List<MentionSpans.Named> named = new java.util.ArrayList<>();
        ENRICHMENT.people().forEach(e -> named.add(new MentionSpans.Named(e.id(), "person", e.name(), e.variants())));
        ENRICHMENT.groups().forEach(e -> named.add(new MentionSpans.Named(e.id(), "group", e.name(), e.variants())));
        ENRICHMENT.places().forEach(p -> named.add(new MentionSpans.Named(p.id(), "place", p.name(), p.variants())));
        List<String> pieces = List.of("Rami Abdel Rahman", "Abdel Rahman", "abdel", "Rahman", "HTS", "hts",
                "Hayʾat Taḥrīr al-Shām", "Hayat Tahrir", "al-Sham", "U.S.", "us", "United States", "Idlib", "«Idlib»",
                "told AFP", ", ", " ", ". ", "the", "É", "1987");
        RandomInputs.forAll(500, random -> random.concat(pieces, 0, 12), text ->
                assertThat(MentionSpans.find(text, named)).isEqualTo(new MentionSpans(ENRICHMENT).find(text)));
    }

    @Test
    void shouldFoldVariantsThatWereNotStoredFolded() {
        var named = List.of(new MentionSpans.Named("group:hts", "group", "HTS", List.of("Hayʾat Taḥrīr al-Shām")));

        assertThat(MentionSpans.find("Members of Hayat Tahrir al-Sham", named))
                .extracting(MentionSpans.Span::id).containsExactly("group:hts");
    }

    @Test
    void shouldMatchAnEntityStoredWithoutVariantsByItsName() {
        var named = List.of(new MentionSpans.Named("place:x", "place", "Ḥamāh", List.of()));

        assertThat(MentionSpans.find("Shelling in Hamah and HAMAH", named)).hasSize(2);
    }

    @Test
    void shouldMarkNothingInATextWithoutTheNames() {
        assertThat(marked("A quiet day in the valley.")).isEmpty();
    }
}
