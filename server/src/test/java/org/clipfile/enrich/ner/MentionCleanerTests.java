package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionCleanerTests {

    private static Mention mention(String text, String name, MentionType type) {
        int at = text.indexOf(name);
        return new Mention(name, type, at, at + name.length());
    }

    @Test
    void shouldDropPronounsButKeepAllCapsNamesThatSpellLikeThem() {
        String text = "He said his US and IT partners agreed.";

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "He", MentionType.PERSON),
                mention(text, "his", MentionType.PERSON), mention(text, "US", MentionType.LOCATION),
                mention(text, "IT", MentionType.ORGANIZATION)));

        assertThat(kept).extracting(Mention::text).containsExactly("US", "IT");
    }

    @Test
    void shouldDropTheWireSignOffAndAgenciesTaggedAsPeopleButKeepReutersAsAGroup() {
        String text = "He told Reuters on Monday. AP adds. REUTER";

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "Reuters", MentionType.ORGANIZATION),
                mention(text, "AP", MentionType.PERSON), mention(text, "REUTER", MentionType.PERSON)));

        assertThat(kept).extracting(Mention::text).containsExactly("Reuters");
    }

    @Test
    void shouldMakeAPersonFollowedByALegalFormAFirmAtEveryMention() {
        String text = "E.F. Hutton and Co Inc said its clients sold. Hutton added. Salomon Brothers bought.";
        Mention hutton = mention(text, "E.F. Hutton", MentionType.PERSON);
        Mention second = new Mention("Hutton", MentionType.PERSON, text.indexOf("Hutton added"),
                text.indexOf("Hutton added") + 6);

        List<Mention> firms = MentionCleaner.firms(text, List.of(hutton, second,
                mention(text, "Salomon Brothers", MentionType.PERSON)));

        assertThat(firms).extracting(Mention::text).containsExactly("E.F. Hutton and Co Inc", "Hutton",
                "Salomon Brothers");
        assertThat(firms.getFirst().type()).isEqualTo(MentionType.ORGANIZATION);
        assertThat(firms.get(2).type()).isEqualTo(MentionType.ORGANIZATION);
    }

    @Test
    void shouldLeaveAPersonWithoutALegalFormAPerson() {
        String text = "James Baker said the dollar fell.";

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "James Baker", MentionType.PERSON)));

        assertThat(firms).extracting(Mention::type).containsExactly(MentionType.PERSON);
    }

    @Test
    void shouldDropLowercasePeopleAndGroupsButKeepLowercasePlaces() {
        String text = "the observatory in syria";

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "observatory", MentionType.ORGANIZATION),
                mention(text, "syria", MentionType.LOCATION)));

        assertThat(kept).extracting(Mention::text).containsExactly("syria");
    }

    @Test
    void shouldTrimALeadingTheAndMoveTheOffset() {
        String text = "Talks in the Hague.";

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "the Hague", MentionType.LOCATION)));

        assertThat(kept).containsExactly(mention(text, "Hague", MentionType.LOCATION));
    }

    @Test
    void shouldTagEveryOtherWholeWordOccurrenceOfAFoundName() {
        String text = "Near Atme, a camp. Atme is home to many; Atmeville is not.";

        List<Mention> all = MentionCleaner.propagate(text, List.of(mention(text, "Atme", MentionType.LOCATION)));

        assertThat(all).extracting(Mention::begin).containsExactly(5, 19);
        assertThat(all).allMatch(m -> m.type() == MentionType.LOCATION && m.text().equals("Atme"));
    }

    @Test
    void shouldNotPropagateANameTheTextAlsoUsesAsACommonWord() {
        String text = "Theresa May spoke. May was cold, and it may rain.";
        List<Mention> found = List.of(new Mention("May", MentionType.PERSON, 8, 11));

        assertThat(MentionCleaner.propagate(text, found)).containsExactlyElementsOf(found);
    }

    @Test
    void shouldPropagateAnAllCapsNameEvenWhenItsLowercaseIsAWord() {
        String text = "US troops told us. US aid came.";

        List<Mention> all = MentionCleaner.propagate(text, List.of(new Mention("US", MentionType.LOCATION, 0, 2)));

        assertThat(all).extracting(Mention::begin).containsExactly(0, 19);
    }

    @Test
    void shouldNotTagAnOccurrenceInsideALongerMention() {
        String text = "Kirby spoke. John Kirby said more.";
        Mention full = new Mention("John Kirby", MentionType.PERSON, 13, 23);

        List<Mention> all = MentionCleaner.propagate(text, List.of(new Mention("Kirby", MentionType.PERSON, 0, 5), full));

        assertThat(all).hasSize(2);
    }

    @Test
    void shouldTagOtherOccurrencesWithTheTypeTheTaggerGaveMostOften() {
        String text = "Jordan, Jordan and Jordan.";

        List<Mention> all = MentionCleaner.propagate(text, List.of(new Mention("Jordan", MentionType.LOCATION, 0, 6),
                new Mention("Jordan", MentionType.LOCATION, 8, 14)));

        assertThat(all).hasSize(3).allMatch(m -> m.type() == MentionType.LOCATION);
    }

    @Test
    void shouldReadASurnameTaggedAsAPlaceAsThePersonNamedInFull() {
        String text = "Valeska Paris left. Paris claims she was held in Paris, France.";
        List<Mention> mentions = List.of(new Mention("Valeska Paris", MentionType.PERSON, 0, 13),
                new Mention("Paris", MentionType.LOCATION, 20, 25), new Mention("France", MentionType.LOCATION, 56, 62));

        List<Mention> harmonized = MentionCleaner.harmonizeTypes(mentions, "France"::equals);

        assertThat(harmonized).extracting(Mention::type)
                .containsExactly(MentionType.PERSON, MentionType.PERSON, MentionType.LOCATION);
    }

    @Test
    void shouldNeverTakeACountryForASurname() {
        List<Mention> mentions = List.of(new Mention("Michael Jordan", MentionType.PERSON, 0, 14),
                new Mention("Jordan", MentionType.LOCATION, 20, 26));

        assertThat(MentionCleaner.harmonizeTypes(mentions, "Jordan"::equals)).extracting(Mention::type)
                .containsExactly(MentionType.PERSON, MentionType.LOCATION);
    }

    @Test
    void shouldGiveANameTaggedAsPersonAndOrganizationItsMajorityType() {
        List<Mention> mentions = List.of(new Mention("Kane", MentionType.PERSON, 0, 4),
                new Mention("Kane", MentionType.PERSON, 10, 14), new Mention("Kane", MentionType.ORGANIZATION, 20, 24));

        assertThat(MentionCleaner.harmonizeTypes(mentions, name -> false))
                .allMatch(m -> m.type() == MentionType.PERSON);
    }

    @Test
    void shouldDropWhatIsNoGroupNonOpecAndBareLegalForms() {
        String text = "Non-OPEC producers and Co Inc said. OPEC met.";

        int opec = text.indexOf("OPEC met");

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "Non-OPEC", MentionType.ORGANIZATION),
                mention(text, "Co Inc", MentionType.ORGANIZATION),
                new Mention("OPEC", MentionType.ORGANIZATION, opec, opec + 4)));

        assertThat(kept).extracting(Mention::text).containsExactly("OPEC");
    }

    @Test
    void shouldTrimACountOrLowerCaseWordsBeforeANameButKeepParticles() {
        String text = "Two World Bank teams met de Klerk.";

        List<Mention> kept = MentionCleaner.clean(List.of(mention(text, "Two World Bank", MentionType.ORGANIZATION),
                mention(text, "de Klerk", MentionType.PERSON)));

        assertThat(kept).extracting(Mention::text).containsExactly("World Bank", "de Klerk");
        assertThat(kept.getFirst().begin()).isEqualTo(text.indexOf("World Bank"));
    }

    @Test
    void shouldMakeTwoBareSurnamesJoinedByAndAFirmButNotAPersonAndABody() {
        String text = "Duff and Phelps said it lowered the rating. Reagan and Congress disagreed.";

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "Duff", MentionType.PERSON),
                mention(text, "Phelps", MentionType.PERSON), mention(text, "Reagan", MentionType.PERSON), mention(text, "Congress", MentionType.ORGANIZATION)));

        assertThat(firms).extracting(Mention::text, Mention::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Duff and Phelps", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Reagan", MentionType.PERSON),
                org.assertj.core.groups.Tuple.tuple("Congress", MentionType.ORGANIZATION));
    }

    @Test
    void shouldNotMakeAFirmOfSurnamesWhereTheTextNamesThePeopleInFull() {
        String text = "James Baker met Paul Volcker. Baker and Volcker agreed.";
        int second = text.indexOf("Baker and");

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "James Baker", MentionType.PERSON),
                mention(text, "Paul Volcker", MentionType.PERSON),
                new Mention("Baker", MentionType.PERSON, second, second + 5),
                new Mention("Volcker", MentionType.PERSON, text.lastIndexOf("Volcker"), text.lastIndexOf("Volcker") + 7)));

        assertThat(firms).extracting(Mention::type).containsOnly(MentionType.PERSON);
    }

    @Test
    void shouldMakeABareSurnameThatIsAWordOfAFirmsNameInTheTextTheFirm() {
        String text = "Santos Ltd said its profit rose. Santos said the stake was sold. Reagan Administration aides met Reagan.";
        int second = text.indexOf("Santos said");
        int reagan = text.lastIndexOf("Reagan");

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "Santos Ltd", MentionType.ORGANIZATION),
                new Mention("Santos", MentionType.PERSON, second, second + 6),
                mention(text, "Reagan Administration", MentionType.ORGANIZATION),
                new Mention("Reagan", MentionType.PERSON, reagan, reagan + 6)));

        assertThat(firms).extracting(Mention::text, Mention::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Santos Ltd", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Santos", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Reagan Administration", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Reagan", MentionType.PERSON));
    }

    @Test
    void shouldMakeASurnameJoinedByAndToAFirmsNameThatFirmAndEveryOtherUseOfItInTheText() {
        String text = "Theodore Cross bid for Harper and Row Publishers Inc. Harper said its board met. Reagan and Congress met.";
        int second = text.indexOf("Harper said");

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "Theodore Cross", MentionType.PERSON),
                mention(text, "Harper", MentionType.PERSON), mention(text, "Row Publishers Inc", MentionType.ORGANIZATION),
                new Mention("Harper", MentionType.PERSON, second, second + 6),
                mention(text, "Reagan", MentionType.PERSON), mention(text, "Congress", MentionType.ORGANIZATION)));

        assertThat(firms).extracting(Mention::text, Mention::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Theodore Cross", MentionType.PERSON),
                org.assertj.core.groups.Tuple.tuple("Harper and Row Publishers Inc", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Harper", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Reagan", MentionType.PERSON),
                org.assertj.core.groups.Tuple.tuple("Congress", MentionType.ORGANIZATION));
    }

    @Test
    void shouldMakeTheNameBeforeAPollAPollsterButNotAFullName() {
        String text = "A Harris poll gave Labour a lead. Margaret Thatcher polls well.";

        List<Mention> firms = MentionCleaner.firms(text, List.of(mention(text, "Harris", MentionType.PERSON),
                mention(text, "Labour", MentionType.ORGANIZATION), mention(text, "Margaret Thatcher", MentionType.PERSON)));

        assertThat(firms).extracting(Mention::text, Mention::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Harris", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Labour", MentionType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("Margaret Thatcher", MentionType.PERSON));
    }
}
