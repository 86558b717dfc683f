package org.clipfile.enrich.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Facts of the shipped gazetteer that the resolver relies on. */
class GazetteerTests {
    private final Gazetteer gazetteer = TestGazetteers.real();

    @Test
    void shouldListCountriesRegionsAndCitiesOfTheWholeWorld() {
        assertThat(gazetteer.size()).isGreaterThan(170_000);
        assertThat(gazetteer.places()).filteredOn(p -> p.kind() == PlaceKind.COUNTRY).hasSizeGreaterThan(240);
        assertThat(gazetteer.places()).filteredOn(p -> p.kind() == PlaceKind.REGION).hasSizeGreaterThan(3_800);
    }

    @Test
    void shouldPlaceACountryAtItsCapitalAndARegionAtItsSeat() {
        Place syria = gazetteer.country("SY").orElseThrow();
        assertThat(syria.name()).isEqualTo("Syria");
        assertThat(syria.coordinates()).isEqualTo(CoordinateSource.CAPITAL);
        assertThat(syria.lat()).isCloseTo(33.51, org.assertj.core.data.Offset.offset(0.01));

        Place idlib = gazetteer.region("SY.12").orElseThrow();
        assertThat(idlib.name()).isEqualTo("Idlib");
        assertThat(idlib.coordinates()).isEqualTo(CoordinateSource.SEAT);
        assertThat(idlib.lon()).isCloseTo(36.63, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shouldKnowAPlaceOfTheNameOnlySourceAsTheNumberedPlaceAtTheSamePosition() {
        assertThat(gazetteer.lookup("Geneva")).extracting(Place::id).contains("place:geonames:2660646")
                .doesNotContain("place:city:CH.GE.geneva");
        Place geneva = gazetteer.byId("place:city:CH.GE.geneva").orElseThrow();
        assertThat(geneva.id()).isEqualTo("place:geonames:2660646");
        assertThat(geneva.population()).isGreaterThan(100_000);
    }

    @Test
    void shouldFindARegionAndItsSeatUnderTheSameName() {
        assertThat(gazetteer.lookup("Idlib")).extracting(Place::id)
                .contains("place:region:SY.12", "place:geonames:169389");
    }

    @Test
    void shouldFindCountriesByJdkNameAliasAndCode() {
        for (String name : new String[] {"United States", "US", "U.S.", "America", "the States"}) {
            assertThat(gazetteer.lookup(name)).as(name).extracting(Place::id).contains("place:country:US");
        }
        assertThat(gazetteer.lookup("Britain")).extracting(Place::id).contains("place:country:GB");
        assertThat(gazetteer.country("gb")).map(Place::name).hasValue("United Kingdom");
        assertThat(gazetteer.isCountryName("Russia")).isTrue();
        assertThat(gazetteer.isCountryName("Moscow")).isFalse();
    }

    @Test
    void shouldFindArabicPlaceNamesInAnyRomanisation() {
        assertThat(gazetteer.lookup("Raqqa")).extracting(Place::name).contains("Ar Raqqah", "Raqqa");
        assertThat(gazetteer.lookup("Deir el-Zor")).extracting(Place::id).contains("place:region:SY.07");
    }

    @Test
    void shouldKnowTheEnglishNamesNewsUsesWhereGeoNamesHasAnother() {
        assertThat(gazetteer.lookup("Kiev")).extracting(Place::id).contains("place:geonames:703448");
        assertThat(gazetteer.lookup("New York")).extracting(Place::id)
                .contains("place:geonames:5128581", "place:region:US.NY");
    }

    @Test
    void shouldKnowWashingtonDcByItsShortName() {
        assertThat(gazetteer.lookup("Washington")).extracting(Place::id).contains("place:geonames:4140963");
    }

    @Test
    void shouldMapNationalitiesToTheirCountry() {
        assertThat(gazetteer.countryOfDemonym("Syrian")).map(Place::countryCode).hasValue("SY");
        assertThat(gazetteer.countryOfDemonym("Syrians")).map(Place::countryCode).hasValue("SY");
        assertThat(gazetteer.isDemonym("Syrian")).isTrue();
        assertThat(gazetteer.isDemonym("syrian")).as("a nationality is capitalised").isFalse();
        assertThat(gazetteer.isDemonym("Observatory")).isFalse();
    }

    @Test
    void shouldNotKnowAtme() {
        assertThat(gazetteer.lookup("Atme")).isEmpty();
        assertThat(gazetteer.lookup("Atmeh")).isEmpty();
    }
}
