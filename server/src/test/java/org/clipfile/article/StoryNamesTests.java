package org.clipfile.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.junit.jupiter.api.Test;

class StoryNamesTests {

    static EntityFacet person(String name, int mentions) {
        return new EntityFacet("person:" + name.toLowerCase().replace(' ', '-'), name, "person", List.of(), mentions);
    }

    static EntityFacet group(String name, int mentions) {
        return new EntityFacet("group:" + name.toLowerCase().replace(' ', '-'), name, "group", List.of(), mentions);
    }

    static PlaceFacet place(String name, int mentions) {
        return new PlaceFacet("place:geonames:" + Math.abs(name.hashCode()), name, "city", "US", "United States",
                null, null, null, null, null, null, "none", false, List.of(), List.of(), mentions, 0);
    }

    @Test
    void shouldKeyNamesByTypeAndFoldedWordsMostMentionedFirst() {
        Enrichment enrichment = new Enrichment(List.of(person("José Núñez", 1)),
                List.of(group("Bank of Nova Scotia", 3), group("Reuters", 1)), List.of(place("St. Paul", 2)));

        assertThat(StoryNames.of(enrichment)).containsExactly("group:bank-of-nova-scotia", "place:st-paul",
                "group:reuters", "person:jose-nunez");
    }

    @Test
    void shouldKeepAtMostSixteenNamesAndNoneWithoutEnrichment() {
        List<EntityFacet> groups = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            groups.add(group("Company " + i, i));
        }

        List<String> names = StoryNames.of(new Enrichment(List.of(), groups, List.of()));

        assertThat(names).hasSize(StoryNames.MAX).startsWith("group:company-39").doesNotContain("group:company-23");
        assertThat(StoryNames.of(null)).isEmpty();
        assertThat(StoryNames.of(Enrichment.empty())).isEmpty();
    }

    @Test
    void shouldAgreeWhenTheSmallerSetIsMostlyInTheOther() {
        List<String> original = List.of("group:bank-of-montreal", "place:toronto", "person:william-mulholland",
                "place:canada");
        // A reprint that dropped the paragraph naming Canada and the chairman.
        List<String> reprint = List.of("group:bank-of-montreal", "place:toronto");

        assertThat(StoryNames.agree(reprint, original, 0.5)).isTrue();
        assertThat(StoryNames.agree(original, reprint, 0.5)).isTrue();
    }

    @Test
    void shouldDisagreeWhenATemplateNamesAnotherBankOrCity() {
        assertThat(StoryNames.agree(List.of("group:bank-of-montreal"), List.of("group:bank-of-nova-scotia"), 0.5))
                .isFalse();
        assertThat(StoryNames.agree(List.of("place:st-paul", "group:usda"), List.of("place:omaha", "group:usda"),
                0.67)).isFalse();
        assertThat(StoryNames.agree(List.of("group:franklin-california-insured-tax-free-income-fund"),
                List.of("group:franklin-massachusetts-insured-tax-free-income-fund"), 0.5)).isFalse();
    }

    @Test
    void shouldNotApplyWhenEitherSideHasNoNames() {
        assertThat(StoryNames.agree(List.of(), List.of("group:bank-of-montreal"), 1)).isTrue();
        assertThat(StoryNames.agree(List.of("group:bank-of-montreal"), List.of(), 1)).isTrue();
    }

    @Test
    void shouldRequireNamesOnBothSidesOrNeitherWhenAsked() {
        assertThat(StoryNames.agree(List.of(), List.of("group:franklin-puerto-rico-tax-free-income-fund"), 0.5, true))
                .isFalse();
        assertThat(StoryNames.agree(List.of("group:bank-of-montreal"), List.of(), 0.5, true)).isFalse();
        assertThat(StoryNames.agree(List.of(), List.of(), 0.5, true)).isTrue();
        assertThat(StoryNames.agree(null, List.of("group:bank-of-montreal"), 0.5, true)).as("unknown").isTrue();
        assertThat(StoryNames.agree(List.of("group:bank-of-montreal"), null, 0.5, true)).as("unknown").isTrue();
    }

    @Test
    void shouldMatchAShorterFormOrTheInitialsOfTheSameName() {
        assertThat(StoryNames.agree(List.of("group:investors-federal-bank"),
                List.of("group:investors-federal-bank-of-el-reno"), 1)).isTrue();
        assertThat(StoryNames.agree(List.of("group:nyse"), List.of("group:new-york-stock-exchange"), 1)).isTrue();
        assertThat(StoryNames.agree(List.of("person:baker"), List.of("person:james-baker"), 1)).isTrue();
        assertThat(StoryNames.agree(List.of("group:mercantile-bancorp-inc"), List.of("group:mercantile-bancorp"), 1))
                .as("legal forms do not tell names apart").isTrue();
    }

    @Test
    void shouldNotMatchAOneWordNameOfAnotherTypeInsideALongerName() {
        assertThat(StoryNames.agree(List.of("person:franklin"),
                List.of("group:franklin-puerto-rico-tax-free-income-fund"), 1)).isFalse();
    }
}
