package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OrganizationNamesTests {
    private static final Predicate<String> NO_PLACES = name -> false;

    private static Mention mention(String text, String name, MentionType type) {
        int at = text.indexOf(name);
        return new Mention(name, type, at, at + name.length());
    }

    private static List<Mention> apply(String text, Mention... mentions) {
        return OrganizationNames.apply(text, List.of(mentions), NO_PLACES);
    }

    @Test
    void shouldFindAnUntaggedOrganisationByItsHeadNoun() {
        String text = "The remark was made by the Greek Ministry of Culture on Monday, the Saudi Gazette said.";

        assertThat(apply(text)).extracting(Mention::text, Mention::type).containsExactly(
                tuple("Greek Ministry of Culture", MentionType.ORGANIZATION),
                tuple("Saudi Gazette", MentionType.ORGANIZATION));
    }

    @Test
    void shouldExtendAPlaceInsideAnOrganisationNameToTheOrganisation() {
        String text = "The request of the Municipality of Livorno was upheld.";

        assertThat(apply(text, mention(text, "Livorno", MentionType.LOCATION)))
                .containsExactly(mention(text, "Municipality of Livorno", MentionType.ORGANIZATION));
    }

    @Test
    void shouldRetypeAPersonWhoseWholeNameIsHeadedByAnOrganisationNoun() {
        String text = "She studied at Trinity College before moving.";

        assertThat(apply(text, mention(text, "Trinity College", MentionType.PERSON)))
                .containsExactly(mention(text, "Trinity College", MentionType.ORGANIZATION));
    }

    @Test
    void shouldKeepThePlaceTheTaggerFoundWithTheSameSpan() {
        String text = "Troops left the Soviet Union in 1989.";
        Mention place = mention(text, "Soviet Union", MentionType.LOCATION);

        assertThat(apply(text, place)).containsExactly(place);
    }

    @Test
    void shouldNotMakeAKnownPlaceNameAGroup() {
        String text = "Settlements in the West Bank grew.";

        assertThat(OrganizationNames.apply(text, List.of(), Set.of("West Bank")::contains)).isEmpty();
    }

    @Test
    void shouldNotSwallowAPersonNamedAfterTheOrganisation() {
        String text = "Dean of the University of Texas John Smith spoke.";
        Mention person = mention(text, "John Smith", MentionType.PERSON);

        assertThat(apply(text, person)).contains(person).noneMatch(m -> m.text().contains("University"));
    }

    @Test
    void shouldSplitTwoOrganisationsJoinedByAnd() {
        String text = "Scientists at the Institute of Technology and Colorado State University agree.";

        assertThat(apply(text)).extracting(Mention::text)
                .containsExactly("Institute of Technology", "Colorado State University");
    }

    @Test
    void shouldKeepAnAndInsideTheComplementOfAnOrganisation() {
        String text = "The Union of Rationalist Atheists and Agnostics launched a petition.";

        assertThat(apply(text)).extracting(Mention::text)
                .containsExactly("Union of Rationalist Atheists and Agnostics");
    }

    @Test
    void shouldNotStartAnOrganisationWithASentenceInitialWord() {
        String text = "After Harvard University said so, nothing changed.";

        assertThat(apply(text)).extracting(Mention::text).containsExactly("Harvard University");
    }

    @Test
    void shouldEndAnOrganisationNameAtAPossessive() {
        String text = "The Labour Party's leader spoke.";

        assertThat(apply(text)).extracting(Mention::text).containsExactly("Labour Party");
    }

    @Test
    void shouldNotTakeASingleHeadNounForAName() {
        String text = "Police said the Government would respond.";

        assertThat(apply(text)).isEmpty();
    }

    @Test
    void shouldReadASiteTaggedAsAnOrganisationAsAPlace() {
        String text = "The shuttle goes to the Johnson Space Center and the Museum of Flight.";

        assertThat(apply(text, mention(text, "Johnson Space Center", MentionType.ORGANIZATION)))
                .extracting(Mention::text, Mention::type).containsExactly(
                        tuple("Johnson Space Center", MentionType.LOCATION),
                        tuple("Museum of Flight", MentionType.LOCATION));
    }

    @Test
    void shouldKeepACenterForSomethingAGroup() {
        String text = "The Pew Research Center and the Center for Policy Studies published it.";
        Mention pew = mention(text, "Pew Research Center", MentionType.ORGANIZATION);

        assertThat(apply(text, pew)).contains(pew).noneMatch(m -> m.type() == MentionType.LOCATION);
    }

    @Test
    void shouldTakeTheCapitalisedNameAfterMemberOfForAGroup() {
        String text = "He was a member of Scientology all his life. Members of the Sea Org sign contracts.";

        assertThat(apply(text)).extracting(Mention::text, Mention::type).containsExactly(
                tuple("Scientology", MentionType.ORGANIZATION), tuple("Sea Org", MentionType.ORGANIZATION));
    }

    @Test
    void shouldNotTakeAPlaceOrALowercaseWordAfterMemberOf() {
        String text = "A member of the public and a member of Britain's team spoke.";

        assertThat(OrganizationNames.apply(text, List.of(), Set.of("Britain")::contains)).isEmpty();
    }

    @Test
    void shouldTagTheBareNameOfAChurchAsTheChurch() {
        String text = "The Church of Scientology's website is down. Scientology blamed hackers on"
                + " alt.religion.scientology and Scientology.org.";

        assertThat(apply(text)).extracting(Mention::text, Mention::type).containsExactly(
                tuple("Church of Scientology", MentionType.ORGANIZATION),
                tuple("Scientology", MentionType.ORGANIZATION));
    }

    @Test
    void shouldNotTagABareNameTheTextUsesAsACommonWord() {
        String text = "The Church of Unity met. Unity was the theme; unity matters, and unity wins.";

        assertThat(apply(text)).extracting(Mention::text).containsExactly("Church of Unity");
    }

    @Test
    void shouldTagABareNameTheTextCapitalisesMoreOftenThanNot() {
        String text = "The Church of Scientology denied it. Critics of Scientology and of Scientology's leaders"
                + " attacked the scientology website.";

        assertThat(apply(text)).extracting(Mention::text)
                .containsExactly("Church of Scientology", "Scientology", "Scientology");
    }

    @Test
    void shouldGiveADefinedAcronymTheTypeOfItsNameEverywhere() {
        String text = "At the Kennedy Space Center (KSC) in Florida, KSC staff cheered.";
        int last = text.lastIndexOf("KSC");
        Mention later = new Mention("KSC", MentionType.ORGANIZATION, last, last + 3);

        List<Mention> all = apply(text, mention(text, "Kennedy Space Center", MentionType.ORGANIZATION), later);

        assertThat(all).extracting(Mention::text, Mention::type).containsExactly(
                tuple("Kennedy Space Center", MentionType.LOCATION), tuple("KSC", MentionType.LOCATION),
                tuple("KSC", MentionType.LOCATION));
    }

    @Test
    void shouldMakeAGroupOfANameTheTaggerCutBeforeItsAcronym() {
        String text = "Deputies of Movimento 5 Stelle (M5S) voted.";

        assertThat(apply(text, mention(text, "Stelle", MentionType.PERSON))).extracting(Mention::text, Mention::type)
                .containsExactly(tuple("Movimento 5 Stelle", MentionType.ORGANIZATION),
                        tuple("M5S", MentionType.ORGANIZATION));
    }

    @Test
    void shouldNotMakeAGroupOfAVersionedProductWithAnAcronym() {
        String text = "Work on Internet Explorer 9 (IE9) is done.";

        assertThat(apply(text)).isEmpty();
    }

    @Test
    void shouldFindTheStartOfANameByItsInitials() {
        String text = "the Syrian Observatory for Human Rights (SOHR)";

        assertThat(OrganizationNames.nameStartForInitials(text, text.indexOf(" ("), "SOHR")).isEqualTo(4);
        assertThat(OrganizationNames.nameStartForInitials(text, text.indexOf(" ("), "SOX")).isEqualTo(-1);
    }

    @Test
    void shouldKeepEveryMentionTheRulesDoNotTouchInTextOrder() {
        String text = "Ahmed met Obama in Texas.";
        List<Mention> mentions = List.of(mention(text, "Ahmed", MentionType.PERSON),
                mention(text, "Obama", MentionType.PERSON), mention(text, "Texas", MentionType.LOCATION));

        assertThat(apply(text, mentions.get(2), mentions.get(0), mentions.get(1))).containsExactlyElementsOf(mentions);
    }
}
