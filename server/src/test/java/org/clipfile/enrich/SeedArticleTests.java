package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clipfile.article.ArticleDraft;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.ingest.PlainTextArticleParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "Done when" list of issue 4 on the reference article. It lives outside the repository
 * ({@code ../shared/corpora/seed/}); where it is absent the test is skipped and says so.
 */
class SeedArticleTests {
    static final Path SEED = Path.of("..", "shared", "corpora", "seed", "000_3b0c83eb93a1357c.txt");

    /** The entities the issue lists, by canonical id and type. */
    static final Map<String, String> EXPECTED_ENTITIES = Map.ofEntries(
            Map.entry("person:john-kirby", "person"),
            Map.entry("person:rami-abdel-rahman", "person"),
            Map.entry("person:abu-bakr-al-baghdadi", "person"),
            Map.entry("person:bashar-al-assad", "person"),
            Map.entry("group:al-qaeda", "group"),
            Map.entry("group:islamic-state", "group"),
            Map.entry("group:hayat-tahrir-al-sham", "group"),
            Map.entry("group:hurras-al-deen", "group"),
            Map.entry("group:syrian-observatory-for-human-rights", "group"),
            Map.entry("group:pentagon", "group"),
            Map.entry("group:us-central-command", "group"),
            Map.entry("group:agence-france-presse", "group"));
    static final Set<String> EXPECTED_PLACES = Set.of("place:country:SY", "place:region:SY.12",
            "place:unresolved:sy:atme", "place:country:RU", "place:geonames:524901", "place:geonames:323786",
            "place:country:US");

    private static Enrichment enrichment;

    @BeforeAll
    static void enrichTheSeedArticle() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SEED),
                () -> "The reference article " + SEED.toAbsolutePath().normalize()
                        + " is not here (it is shared data outside the repository): seed checks skipped");
        ArticleDraft draft = new PlainTextArticleParser().parse(Files.readString(SEED, StandardCharsets.UTF_8));
        enrichment = TestEnrichers.real().enrich(draft.title(), draft.body());
    }

    private static List<EntityFacet> entities() {
        List<EntityFacet> all = new ArrayList<>(enrichment.people());
        all.addAll(enrichment.groups());
        return all;
    }

    private static PlaceFacet place(String id) {
        return enrichment.places().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + enrichment.places()));
    }

    @Test
    void shouldFindEveryPersonAndGroupOfTheIssueWithItsType() {
        EXPECTED_ENTITIES.forEach((id, type) -> assertThat(entities())
                .as(id).anySatisfy(e -> {
                    assertThat(e.id()).isEqualTo(id);
                    assertThat(e.type()).isEqualTo(type);
                }));
    }

    @Test
    void shouldMergeHtsIntoHayatTahrirAlSham() {
        EntityFacet hts = entities().stream().filter(e -> e.id().equals("group:hayat-tahrir-al-sham")).findFirst()
                .orElseThrow();

        assertThat(hts.mentions()).isGreaterThanOrEqualTo(2);
        assertThat(entities()).filteredOn(e -> e.variants().contains("hts")).containsExactly(hts);
    }

    @Test
    void shouldResolveIdlibAsARegionOfSyriaWithCoordinates() {
        PlaceFacet idlib = place("place:region:SY.12");

        assertThat(idlib.kind()).isEqualTo("region");
        assertThat(idlib.countryCode()).isEqualTo("SY");
        assertThat(idlib.lat()).isNotNull();
        assertThat(idlib.lon()).isNotNull();
    }

    @Test
    void shouldResolveMoscowAndAnkaraWithTheirCountries() {
        assertThat(place("place:geonames:524901")).extracting(PlaceFacet::name, PlaceFacet::countryCode)
                .containsExactly("Moscow", "RU");
        assertThat(place("place:geonames:323786")).extracting(PlaceFacet::name, PlaceFacet::countryCode)
                .containsExactly("Ankara", "TR");
    }

    @Test
    void shouldKeepAtmeAsAFlaggedPlaceInIdlibSyria() {
        PlaceFacet atme = place("place:unresolved:sy:atme");

        assertThat(atme.guessed()).isTrue();
        assertThat(atme.regionName()).isEqualTo("Idlib");
        assertThat(atme.countryName()).isEqualTo("Syria");
        assertThat(atme.lat()).isNull();
    }

    @Test
    void shouldFindEveryPlaceOfTheIssue() {
        assertThat(enrichment.places()).extracting(PlaceFacet::id).containsAll(EXPECTED_PLACES);
    }

    @Test
    void shouldHaveAtMostOneFalsePositive() {
        List<String> unexpected = new ArrayList<>();
        entities().stream().map(EntityFacet::id).filter(id -> !EXPECTED_ENTITIES.containsKey(id))
                .forEach(unexpected::add);
        enrichment.places().stream().map(PlaceFacet::id).filter(id -> !EXPECTED_PLACES.contains(id))
                .forEach(unexpected::add);

        assertThat(unexpected).as("entities and places the issue does not list").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void shouldFindRamiAbdelRahmanWhenAJournalistSearchesAbdAlRahman() {
        EntityFacet rahman = entities().stream().filter(e -> e.id().equals("person:rami-abdel-rahman")).findFirst()
                .orElseThrow();
        List<String> query = NameKeys.keyTokens("Abd al-Rahman");

        // The index keys the stored spellings (name_key analyzer); the spellings themselves are never keys.
        assertThat(rahman.variants()).anySatisfy(variant -> assertThat(NameKeys.keyTokens(variant)).containsAll(query));
        assertThat(NameKeys.key("Rami Abdel Rahman")).isNotEqualTo("rami abdel rahman");
        assertThat(rahman.variants()).contains("rami abdel rahman").doesNotContain(NameKeys.key("Rami Abdel Rahman"));
    }
}
