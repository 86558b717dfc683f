package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.enrich.entities.CanonicalEntity;
import org.clipfile.enrich.entities.EntityType;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.PlaceFacet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** A small synthetic article that exercises every step; it always runs (the seed article may be absent). */
class EnricherTests {
    private static final String TITLE = "Raid in eastern Syria kills commander";
    private static final String BODY = """
            Fighters of Hayat Tahrir al-Sham clashed with government troops near Saraqib in Idlib province on \
            Monday, the Syrian Observatory for Human Rights said. HTS later claimed the attack.

            "The clashes lasted all night," Observatory chief Rami Abdel Rahman told Reuters. He said at least \
            nine fighters died.

            Spokesman John Kirby said the Pentagon was watching. Kirby declined to comment on reports from \
            Qaryat al-Zubayr, a hamlet near the Turkish border.

            Russia and Turkey brokered the truce in Moscow in 2020.""";

    private final Enricher enricher = TestEnrichers.real();
    private final Enrichment enrichment = enricher.enrich(TITLE, BODY);

    private static <T> T only(List<T> list, java.util.function.Predicate<T> test) {
        return list.stream().filter(test).reduce((a, b) -> {
            throw new AssertionError("two matches: " + a + " and " + b);
        }).orElseThrow(() -> new AssertionError("no match in " + list));
    }

    private PlaceFacet place(String id) {
        return only(enrichment.places(), p -> p.id().equals(id));
    }

    @Test
    void shouldLinkShortFormsAndDropPronouns() {
        assertThat(enrichment.people()).extracting(EntityFacet::id)
                .containsExactlyInAnyOrder("person:john-kirby", "person:rami-abdel-rahman");
        assertThat(only(enrichment.people(), p -> p.id().equals("person:john-kirby")).mentions()).isEqualTo(2);
    }

    @Test
    void shouldMergeTheAcronymAndCorrectTheTypeOfARegistryGroup() {
        EntityFacet hts = only(enrichment.groups(), g -> g.id().equals("group:hayat-tahrir-al-sham"));

        assertThat(hts.type()).isEqualTo("group");
        assertThat(hts.mentions()).isEqualTo(2);
        assertThat(hts.variants()).contains("hts");
        assertThat(enrichment.groups()).extracting(EntityFacet::id)
                .containsExactlyInAnyOrder("group:hayat-tahrir-al-sham", "group:syrian-observatory-for-human-rights",
                        "group:pentagon", "group:reuters");
    }

    @Test
    void shouldPutACityInTheRegionAndCountryOfTheArticle() {
        PlaceFacet saraqib = only(enrichment.places(), p -> p.name().startsWith("Sar"));

        assertThat(saraqib.kind()).isEqualTo("city");
        assertThat(saraqib.regionId()).isEqualTo("place:region:SY.12");
        assertThat(saraqib.countryCode()).isEqualTo("SY");
        assertThat(saraqib.cityId()).isEqualTo(saraqib.id()).startsWith("place:geonames:");
        assertThat(saraqib.lat()).isNotNull();
        assertThat(saraqib.ancestorIds()).containsExactly("place:region:SY.12", "place:country:SY");
    }

    @Test
    void shouldResolveAProvinceAsARegionWithTheCoordinatesOfItsSeat() {
        PlaceFacet idlib = place("place:region:SY.12");

        assertThat(idlib.kind()).isEqualTo("region");
        assertThat(idlib.coordinates()).isEqualTo("seat");
        assertThat(idlib.lat()).isNotNull();
        assertThat(idlib.countryName()).isEqualTo("Syria");
    }

    @Test
    void shouldKeepAnUnknownPlaceAsAGuessWithoutCoordinates() {
        PlaceFacet hamlet = place("place:unresolved:sy:qaryat-al-zubayr");

        assertThat(hamlet.guessed()).isTrue();
        assertThat(hamlet.kind()).isEqualTo("locality");
        assertThat(hamlet.lat()).isNull();
        assertThat(hamlet.lon()).isNull();
        assertThat(hamlet.regionId()).isEqualTo("place:region:SY.12");
    }

    @Test
    void shouldStripDirectionWordsAndReadCountryAliases() {
        assertThat(enrichment.places()).extracting(PlaceFacet::id)
                .contains("place:country:SY", "place:country:TR", "place:country:RU", "place:geonames:524901")
                .noneMatch(id -> id.contains("eastern"));
        assertThat(place("place:geonames:524901").countryCode()).isEqualTo("RU");
    }

    @Test
    void shouldNotMakeAPlaceOfANationalityAdjective() {
        assertThat(place("place:country:TR").mentions()).isEqualTo(1);
    }

    @Test
    void shouldIndexNameVariantsThatMatchAnotherRomanisationOfTheQuery() {
        EntityFacet rahman = only(enrichment.people(), p -> p.id().equals("person:rami-abdel-rahman"));
        List<String> query = NameKeys.keyTokens("Abd al-Rahman");

        // The index keys the stored spellings (name_key analyzer); the spellings themselves are never keys.
        assertThat(rahman.variants()).anySatisfy(variant -> assertThat(NameKeys.keyTokens(variant)).containsAll(query));
        assertThat(NameKeys.key("Rami Abdel Rahman")).isNotEqualTo("rami abdel rahman");
        assertThat(rahman.variants()).contains("rami abdel rahman").doesNotContain(NameKeys.key("Rami Abdel Rahman"));
    }

    @Test
    void shouldApplyAnAliasAnEditorAddedToTheNextArticle() {
        Enricher own = TestEnrichers.real();
        own.aliasRegistry().add(new CanonicalEntity("group:reuters-news-agency", EntityType.GROUP,
                "Reuters news agency", List.of("Reuters")));

        Enrichment again = own.enrich(TITLE, BODY);

        assertThat(again.groups()).extracting(EntityFacet::id)
                .contains("group:reuters-news-agency").doesNotContain("group:reuters");
    }

    @Test
    void shouldLetARegisteredNameWinOverThePlaceTheTaggerSawInsideIt() {
        Enricher own = TestEnrichers.real();
        own.aliasRegistry().add(new CanonicalEntity("group:river-guard", EntityType.GROUP, "River Guard Battalion",
                List.of("Liwa al-Nahr")));

        Enrichment found = own.enrich("Clashes on the river",
                "Fighters of Liwa al-Nahr clashed with the army on Sunday, residents said.");

        assertThat(found.groups()).extracting(EntityFacet::id).containsExactly("group:river-guard");
        assertThat(found.places()).extracting(PlaceFacet::name).doesNotContain("Liwá");
    }

    @Test
    void shouldApplyRegistryEditsToAStoredEnrichmentWithoutRecognisingAgain() {
        Enricher own = TestEnrichers.real();
        own.aliasRegistry().add(new CanonicalEntity("group:zeta-brigade", EntityType.GROUP, "Zeta Brigade",
                List.of("Kataib Zeta", "Omar Zeta")));
        Enrichment stored = new Enrichment(
                List.of(new EntityFacet("person:omar-zeta", "Omar Zeta", "person", List.of("omar zeta"), 2)),
                List.of(new EntityFacet("group:kataib-zeta", "Kataib Zeta", "group", List.of("kataib zeta"), 3),
                        new EntityFacet("group:afp", "AFP", "group", List.of("afp"), 1)),
                List.of());

        Enrichment applied = own.applyRegistry(stored);

        assertThat(applied.people()).isEmpty();
        assertThat(applied.groups()).extracting(EntityFacet::id).containsExactly("group:zeta-brigade",
                "group:agence-france-presse");
        EntityFacet zeta = applied.groups().getFirst();
        assertThat(zeta.mentions()).as("merged: the person was the group all along").isEqualTo(5);
        assertThat(zeta.name()).isEqualTo("Zeta Brigade");
        assertThat(zeta.variants()).contains("kataib zeta", "omar zeta", "zeta brigade");
    }

    @Test
    void shouldMakeTheBareNameOfAChurchOneGroupWithTheChurch() {
        Enrichment found = enricher.enrich("Hackers target church",
                "Hackers attacked the website of the Church of Scientology on Monday. A spokesman said Scientology"
                        + " would not be silenced, and critics of Scientology welcomed the attack.");

        assertThat(found.groups()).filteredOn(g -> g.variants().contains("scientology")).singleElement()
                .satisfies(g -> {
                    assertThat(g.name()).isEqualTo("Church of Scientology");
                    assertThat(g.mentions()).isEqualTo(3);
                });
    }

    @Test
    void shouldOrderAppliedEntitiesAsEnrichingDoesMostMentionedFirstThenByName() {
        Enrichment stored = new Enrichment(List.of(),
                List.of(new EntityFacet("group:gamma-club", "Gamma Club", "group", List.of("gamma club"), 1),
                        new EntityFacet("group:delta-club", "Delta Club", "group", List.of("delta club"), 3),
                        new EntityFacet("group:beta-club", "Beta Club", "group", List.of("beta club"), 3)),
                List.of());

        Enrichment applied = TestEnrichers.real().applyRegistry(stored);

        assertThat(applied.groups()).extracting(EntityFacet::name).containsExactly("Beta Club", "Delta Club",
                "Gamma Club");
    }

    @Test
    void shouldGiveTheSameEnrichmentFromManyThreads() throws Exception {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Enrichment>> results = new ArrayList<>();
            for (int i = 0; i < threads * 4; i++) {
                results.add(pool.submit(() -> enricher.enrich(TITLE, BODY)));
            }
            for (Future<Enrichment> result : results) {
                assertThat(result.get()).isEqualTo(enrichment);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldBeCreatedBySpringWithTheDefaultEngineAndData() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Enricher.class)) {
            Enricher fromSpring = context.getBean(Enricher.class);

            assertThat(fromSpring.enrich(TITLE, BODY)).isEqualTo(enrichment);
        }
    }

    @Test
    void shouldReturnNothingForAnEmptyArticle() {
        assertThat(enricher.enrich("", " ")).isEqualTo(Enrichment.empty());
    }

    @Test
    void shouldOrderEachListByMentions() {
        assertThat(enrichment.groups()).extracting(EntityFacet::mentions).isSortedAccordingTo((a, b) -> b - a);
        assertThat(enrichment.places()).extracting(PlaceFacet::mentions).isSortedAccordingTo((a, b) -> b - a);
    }
}
