package org.clipfile.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;
import org.junit.jupiter.api.Test;

class PlaceResolverTests {
    private static final Gazetteer GAZETTEER = TestGazetteers.of(
            "C|SY|33.5102|36.2913|8302213|capital|geonames:170654",
            "C|RU|55.752|37.6178|127534630|capital|geonames:524901",
            "C|US|38.8951|-77.0364|264359145|capital|geonames:4140963",
            "C|FR|48.8534|2.3488|50000000|capital|geonames:2988507",
            "C|PS|31.9684|35.1255|3640149|centroid|",
            "C|MZ|-25.9655|32.5832|10000000|capital|",
            "R|SY.12|Idlib|35.9306|36.6339|435557|seat|geonames:169389",
            "R|SY.13|Damascus Governorate|33.5102|36.2913|1569394|seat|geonames:170654",
            "R|RU.48|Moscow|55.752|37.6178|10381222|seat|geonames:524901",
            "R|PS.GZ|Gaza Strip|31.5016|34.4667|1244304|seat|geonames:281133",
            "R|MZ.02|Gaza Province|-25.0519|33.6442|273382|seat|",
            "R|US.ID|Idaho|43.6135|-116.2035|1500000|seat|",
            "R|US.TX|Texas|30.2672|-97.7431|25000000|seat|",
            "P|geonames:169389|Idlib|SY|12|35.9306|36.6339|128840|PPLA",
            "P|geonames:170654|Damascus|SY|13|33.5102|36.2913|1569394|PPLC",
            "P|geonames:524901|Moscow|RU|48|55.752|37.6178|10381222|PPLC",
            "P|geonames:5601538|Moscow|US|ID|46.7324|-117.0002|25060|PPLA2",
            "P|geonames:281133|Gaza|PS|GZ|31.5016|34.4667|410000|PPLA",
            "P|geonames:2988507|Paris|FR|11|48.8534|2.3488|2138551|PPLC",
            "P|geonames:4717560|Paris|US|TX|33.6609|-95.5555|24782|PPLA2",
            "P|geonames:4667282|White House|US|TX|36.4703|-86.6514|10255|PPL",
            "P|geonames:4667283|White House|US|ID|36.4703|-86.6514|9000|PPL",
            "C|GB|51.5085|-0.1257|60000000|capital|",
            "R|US.DC|District of Columbia|38.8951|-77.0364|601723|seat|geonames:4140963",
            "P|geonames:4140963|Washington, D.C.|US|DC|38.8951|-77.0364|601723|PPLC",
            "P|geonames:2634715|Washington|GB|ENG|54.9|-1.5167|53526|PPL");

    private final PlaceResolver resolver = new PlaceResolver(GAZETTEER);

    /** Tags every occurrence of the given names as locations. */
    private List<ResolvedPlace> resolve(String text, String... names) {
        List<Mention> mentions = new ArrayList<>();
        for (String name : names) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                mentions.add(new Mention(name, MentionType.LOCATION, at, at + name.length()));
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(Mention::begin));
        return resolver.resolve(text, mentions);
    }

    private static ResolvedPlace named(List<ResolvedPlace> places, String name) {
        return places.stream().filter(p -> p.mentions().stream().anyMatch(m -> m.text().equals(name))).findFirst()
                .orElseThrow(() -> new AssertionError("no place mentioned as " + name + " in " + places));
    }

    @Test
    void shouldResolveACountryNameToTheCountryAtItsCapital() {
        ResolvedPlace syria = resolve("Fighting in Syria.", "Syria").getFirst();

        assertThat(syria.place().id()).isEqualTo("place:country:SY");
        assertThat(syria.country()).isSameAs(syria.place());
        assertThat(syria.place().coordinates()).isEqualTo(CoordinateSource.CAPITAL);
        assertThat(syria.ancestorIds()).isEmpty();
        assertThat(syria.guessed()).isFalse();
    }

    @Test
    void shouldDropDirectionWordsWhenTheFullNameIsUnknown() {
        List<ResolvedPlace> places = resolve("In Northwestern Syria and north-west Syria.", "Northwestern Syria",
                "north-west Syria");

        assertThat(places).singleElement().satisfies(syria -> {
            assertThat(syria.place().id()).isEqualTo("place:country:SY");
            assertThat(syria.mentions()).hasSize(2);
        });
    }

    @Test
    void shouldKeepDirectionWordsThatArePartOfAName() {
        assertThat(resolve("Talks in South Sudan.", "South Sudan")).singleElement()
                .extracting(p -> p.place().id()).isEqualTo("place:country:SS");
        assertThat(PlaceResolver.stripDirections("Northern")).isEqualTo("Northern");
    }

    @Test
    void shouldPreferTheRegionWhenTheTextSaysProvince() {
        assertThat(resolve("Raids in the Idlib province.", "Idlib")).singleElement()
                .extracting(p -> p.place().id()).isEqualTo("place:region:SY.12");
        assertThat(resolve("Raids in the province of Idlib.", "Idlib")).singleElement()
                .extracting(p -> p.place().id()).isEqualTo("place:region:SY.12");
    }

    @Test
    void shouldPreferTheCityOverTheRegionOfTheSameNameWithoutWording() {
        ResolvedPlace idlib = resolve("Shelling hit Idlib.", "Idlib").getFirst();

        assertThat(idlib.place().id()).isEqualTo("place:geonames:169389");
        assertThat(idlib.region()).extracting(Place::id).isEqualTo("place:region:SY.12");
        assertThat(idlib.ancestorIds()).containsExactly("place:region:SY.12", "place:country:SY");
    }

    @Test
    void shouldGiveABareNameTheSenseItsWordedMentionsHad() {
        List<ResolvedPlace> places = resolve("Raids in Idlib province. Later, Idlib was calm.", "Idlib");

        assertThat(places).singleElement().satisfies(idlib -> {
            assertThat(idlib.place().kind()).isEqualTo(PlaceKind.REGION);
            assertThat(idlib.mentions()).hasSize(2);
        });
    }

    @Test
    void shouldPreferTheLargerNamesakeWithoutContext() {
        ResolvedPlace moscow = resolve("A deal brokered by Moscow.", "Moscow").getFirst();

        assertThat(moscow.place().id()).isEqualTo("place:geonames:524901");
        assertThat(moscow.country()).extracting(Place::name).isEqualTo("Russia");
    }

    @Test
    void shouldPreferTheNamesakeInARegionAndCountryTheArticleNames() {
        List<ResolvedPlace> places = resolve("A student in Moscow, Idaho, United States.", "Moscow", "Idaho",
                "United States");

        assertThat(named(places, "Moscow").place().id()).isEqualTo("place:geonames:5601538");
    }

    @Test
    void shouldNotLetASmallNamesakeInAMentionedCountryBeatAFamousCity() {
        List<ResolvedPlace> places = resolve("Americans in Paris: the United States embassy.", "Paris",
                "United States");

        assertThat(named(places, "Paris").place().countryCode()).isEqualTo("FR");
    }

    @Test
    void shouldNotTakeAnAmbiguousNameForContext() {
        // Either White House is a guess; counting its state and country as the article's would pull Paris to Texas.
        List<ResolvedPlace> places = resolve("Crowds outside White House and in Paris.", "White House", "Paris");

        assertThat(named(places, "Paris").place().countryCode()).isEqualTo("FR");
    }

    @Test
    void shouldReadTheNameBeforeACommaAsAnExactSpelling() {
        assertThat(named(resolve("Talks in Washington.", "Washington"), "Washington").place().id())
                .isEqualTo("place:geonames:4140963");
    }

    @Test
    void shouldTakeTheRegionTheWordingAsksForInTheCountryTheArticleNames() {
        List<ResolvedPlace> places = resolve("Floods in Mozambique hit Gaza province.", "Mozambique", "Gaza");

        assertThat(named(places, "Gaza").place().id()).isEqualTo("place:region:MZ.02");
        assertThat(named(resolve("Strikes on Gaza.", "Gaza"), "Gaza").place().countryCode()).isEqualTo("PS");
    }

    @Test
    void shouldResolveANationalityTaggedAsALocationToItsCountry() {
        assertThat(resolve("The Syrian side.", "Syrian")).singleElement()
                .extracting(p -> p.place().id()).isEqualTo("place:country:SY");
    }

    @Test
    void shouldReadATwoLetterCodeOnAMentionTypedAsAPlace() {
        assertThat(resolve("Visitors from FR.", "FR")).singleElement()
                .extracting(p -> p.place().id()).isEqualTo("place:country:FR");
    }

    @Test
    void shouldKeepAnUnknownPlaceInTheArticlesMostMentionedRegionWithoutCoordinates() {
        List<ResolvedPlace> places = resolve(
                "A raid near Atme in Idlib province. Idlib province is large; Moscow and Syria agreed.", "Atme",
                "Idlib", "Moscow", "Syria");

        ResolvedPlace atme = named(places, "Atme");
        assertThat(atme.guessed()).isTrue();
        assertThat(atme.place().id()).isEqualTo("place:unresolved:sy:atme");
        assertThat(atme.place().kind()).isEqualTo(PlaceKind.LOCALITY);
        assertThat(atme.place().hasCoordinates()).isFalse();
        assertThat(atme.region()).extracting(Place::id).isEqualTo("place:region:SY.12");
        assertThat(atme.country()).extracting(Place::id).isEqualTo("place:country:SY");
        assertThat(atme.ancestorIds()).containsExactly("place:region:SY.12", "place:country:SY");
    }

    @Test
    void shouldGuessOnlyACountryWhenTheArticleNamesNoRegion() {
        ResolvedPlace atme = named(resolve("Near Atme, in Syria.", "Atme", "Syria"), "Atme");

        assertThat(atme.region()).isNull();
        assertThat(atme.country()).extracting(Place::id).isEqualTo("place:country:SY");
    }

    @Test
    void shouldGuessNothingWhenTheArticleNamesNoOtherPlace() {
        ResolvedPlace atme = resolve("Near Atme.", "Atme").getFirst();

        assertThat(atme.guessed()).isTrue();
        assertThat(atme.country()).isNull();
        assertThat(atme.place().id()).isEqualTo("place:unresolved:xx:atme");
    }

    @Test
    void shouldResolveAreasAboveCountriesWithoutGuessingACountry() {
        ResolvedPlace middleEast = resolve("Across the Middle East.", "Middle East").getFirst();

        assertThat(middleEast.place().kind()).isEqualTo(PlaceKind.AREA);
        assertThat(middleEast.country()).isNull();
        assertThat(middleEast.guessed()).isFalse();
    }

    @Test
    void shouldResolveASeaAsAnAreaNotAsTheHamletOfTheSameNameInAMentionedRegion() {
        List<ResolvedPlace> places = resolve("Drilling in the North Sea slowed, traders in New York said.",
                "North Sea", "New York");

        assertThat(places.getFirst().place().id()).isEqualTo("place:area:north-sea");
        assertThat(places.getFirst().place().kind()).isEqualTo(PlaceKind.AREA);
        assertThat(places.getFirst().country()).isNull();
    }
}
