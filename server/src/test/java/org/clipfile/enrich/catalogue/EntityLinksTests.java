package org.clipfile.enrich.catalogue;

import static org.clipfile.enrich.catalogue.Facets.group;
import static org.clipfile.enrich.catalogue.Facets.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.junit.jupiter.api.Test;

class EntityLinksTests {
    private static final Instant MARCH_1987 = Instant.parse("1987-03-02T10:00:00Z");

    private static Enrichment article(EntityFacet... entities) {
        List<EntityFacet> people = new ArrayList<>();
        List<EntityFacet> groups = new ArrayList<>();
        for (EntityFacet entity : entities) {
            (entity.type().equals("person") ? people : groups).add(entity);
        }
        return new Enrichment(people, groups, List.of());
    }

    private static void times(EntityCatalogue catalogue, int n, Enrichment article) {
        for (int i = 0; i < n; i++) {
            catalogue.add(article, MARCH_1987);
        }
    }

    private static List<String> ids(Enrichment enrichment) {
        List<String> ids = new ArrayList<>();
        enrichment.people().forEach(p -> ids.add(p.id()));
        enrichment.groups().forEach(g -> ids.add(g.id()));
        return ids;
    }

    @Test
    void shouldLinkAnAcronymToTheExpansionTheArchiveDefines() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 5, article(group("International Business Machines Corp", "IBM")));
        times(catalogue, 3, article(group("IBM")));

        Enrichment linked = catalogue.decide().apply(article(group("IBM")));
        Enrichment expansion = catalogue.decide().apply(article(group("International Business Machines Corp")));

        assertThat(ids(linked)).containsExactly("group:ibm");
        assertThat(ids(expansion)).containsExactly("group:ibm");
        assertThat(expansion.groups().getFirst().linked().getFirst().reason()).contains("acronym");
    }

    @Test
    void shouldLinkASurnameToTheOnlyFullNameTheArchiveUses() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 4, article(person("Ronald Reagan", "Reagan")));
        times(catalogue, 10, article(person("Reagan")));

        Enrichment linked = catalogue.decide().apply(article(person("Reagan")));

        assertThat(ids(linked)).containsExactly("person:ronald-reagan");
        assertThat(linked.people().getFirst().name()).isEqualTo("Ronald Reagan");
    }

    @Test
    void shouldNeverLinkReganToReagan() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 4, article(person("Ronald Reagan", "Reagan")));
        times(catalogue, 4, article(person("Donald Regan", "Regan")));
        times(catalogue, 1, article(person("Regan")));
        times(catalogue, 1, article(person("Reagan")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(person("Regan"))))).containsExactly("person:donald-regan");
        assertThat(ids(links.apply(article(person("Reagan"))))).containsExactly("person:ronald-reagan");
    }

    @Test
    void shouldLinkAnAmbiguousSurnameOnlyWhereTheArticlesContextSaysWhichPerson() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 20, article(person("James Baker", "Baker"), person("Paul Volcker"), group("Treasury")));
        times(catalogue, 8, article(person("Howard Baker", "Baker"), group("White House"), person("Oliver North")));
        Enrichment atTheTreasury = article(person("Baker"), person("Paul Volcker"), group("Treasury"));
        Enrichment atTheWhiteHouse = article(person("Baker"), group("White House"));
        Enrichment bakerAlone = article(person("Baker"));
        List.of(atTheTreasury, atTheWhiteHouse, bakerAlone).forEach(a -> catalogue.add(a, MARCH_1987));
        EntityLinks links = catalogue.decide();

        Enrichment treasury = links.apply(atTheTreasury);
        Enrichment whiteHouse = links.apply(atTheWhiteHouse);
        Enrichment alone = links.apply(bakerAlone);

        assertThat(ids(treasury)).contains("person:james-baker").doesNotContain("person:baker");
        assertThat(treasury.people().stream().filter(p -> p.id().equals("person:james-baker")).findFirst()
                .orElseThrow().linked().getFirst().reason()).startsWith("context:");
        assertThat(ids(whiteHouse)).contains("person:howard-baker");
        assertThat(ids(alone)).containsExactly("person:baker");
    }

    @Test
    void shouldFoldLegalFormsAndOrgans() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("Federal Reserve")));
        times(catalogue, 3, article(group("Federal Reserve Board")));
        times(catalogue, 3, article(group("U.S. Federal Reserve")));
        times(catalogue, 5, article(group("Chrysler Corp")));
        times(catalogue, 2, article(group("Chrysler")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("Federal Reserve Board"))))).containsExactly("group:federal-reserve");
        assertThat(ids(links.apply(article(group("U.S. Federal Reserve"))))).containsExactly("group:federal-reserve");
        assertThat(ids(links.apply(article(group("Chrysler"))))).containsExactly("group:chrysler-corp");
    }

    @Test
    void shouldNotLinkNamesTheArchiveUsesSideBySideAsDifferentEntities() {
        EntityCatalogue catalogue = new EntityCatalogue();
        // "Baker" named beside James Baker in every article is someone else (Howard Baker, called by his surname).
        times(catalogue, 5, article(person("James Baker"), person("Baker")));

        assertThat(catalogue.decide().global()).isEmpty();
    }

    @Test
    void shouldRestoreWhatTheArticleAloneResolvedSoALinkCanBeUndone() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 4, article(person("Ronald Reagan", "Reagan")));
        Enrichment original = article(person("Reagan"), group("Congress"));
        catalogue.add(original, MARCH_1987);

        Enrichment linked = catalogue.decide().apply(original);
        Enrichment undone = EntityLinks.none().apply(linked);

        assertThat(ids(linked)).contains("person:ronald-reagan");
        assertThat(ids(undone)).containsExactlyInAnyOrder("person:reagan", "group:congress");
        assertThat(EntityLinks.restore(linked).people().getFirst().names()).containsExactly("Reagan");
    }

    @Test
    void shouldReadNamesTheArchiveKnowsInAHeadlineInCapitalsAndForgetThemOnRestore() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(person("Paul Volcker", "Volcker")));
        times(catalogue, 6, article(person("Volcker")));
        EntityLinks links = catalogue.decide();

        Enrichment brief = links.apply(Enrichment.empty(), "VOLCKER SAYS HE SEES NO RECESSION", List.of());

        assertThat(ids(brief)).containsExactly("person:paul-volcker");
        assertThat(ids(EntityLinks.restore(brief))).isEmpty();
        assertThat(ids(links.apply(Enrichment.empty(), "HE SAYS THE DOLLAR WILL FALL", List.of()))).isEmpty();
    }

    @Test
    void shouldSplitANameReadOverTwoKnownGroupsAndJoinItAgainOnRestore() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("International Monetary Fund")));
        times(catalogue, 6, article(group("World Bank")));
        Enrichment both = article(group("International Monetary Fund and World Bank"));
        catalogue.add(both, MARCH_1987);

        Enrichment split = catalogue.decide().apply(both);

        assertThat(ids(split)).containsExactlyInAnyOrder("group:international-monetary-fund", "group:world-bank");
        assertThat(ids(EntityLinks.restore(split))).containsExactly("group:international-monetary-fund-and-world-bank");
    }

    @Test
    void shouldLinkACommitteeOfAKnownBodyButNotOfAOneWordBody() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("IMF")));
        times(catalogue, 6, article(group("Senate")));
        times(catalogue, 2, article(group("IMF Interim Committee")));
        times(catalogue, 2, article(group("Senate Banking Committee")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("IMF Interim Committee"))))).containsExactly("group:imf");
        assertThat(ids(links.apply(article(group("Senate Banking Committee")))))
                .containsExactly("group:senate-banking-committee");
    }

    @Test
    void shouldLinkAFamiliarFirstNameToTheFormalOneOnlyWhereBothKeepTheSameCompany() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(person("Jim Wright"), group("House"), group("Congress")));
        times(catalogue, 2, article(person("James Wright"), group("House"), group("Congress")));
        times(catalogue, 6, article(person("Jim Smith"), group("Texaco Inc")));
        times(catalogue, 2, article(person("James Smith"), group("Boeing Co")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(person("James Wright"))))).containsExactly("person:jim-wright");
        assertThat(ids(links.apply(article(person("James Smith"))))).containsExactly("person:james-smith");
    }

    @Test
    void shouldLinkASurnameAfterATitleToTheFullNameOfThatGenderOnly() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(person("Margaret Thatcher", "Thatcher")));
        times(catalogue, 4, article(person("Thatcher")));
        times(catalogue, 10, article(person("Ronald Reagan", "Reagan")));
        times(catalogue, 4, article(person("Nancy Reagan")));
        times(catalogue, 2, article(person("Mrs Thatcher")));
        times(catalogue, 2, article(person("Mrs Reagan")));
        times(catalogue, 2, article(person("Mr Reagan")));
        times(catalogue, 2, article(person("Mr Thatcher")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(person("Mrs Thatcher"))))).containsExactly("person:margaret-thatcher");
        assertThat(ids(links.apply(article(person("Mrs Reagan"))))).containsExactly("person:nancy-reagan");
        assertThat(ids(links.apply(article(person("Mr Reagan"))))).containsExactly("person:ronald-reagan");
        assertThat(ids(links.apply(article(person("Mr Thatcher"))))).as("Denis, not Margaret")
                .containsExactly("person:mr-thatcher");
    }

    @Test
    void shouldNotLinkATitledSurnameTheArchiveLeavesToEachArticlesContext() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 20, article(person("James Baker", "Baker"), person("Paul Volcker"), group("Treasury")));
        times(catalogue, 8, article(person("Howard Baker", "Baker"), group("White House"), person("Oliver North")));
        times(catalogue, 2, article(person("Baker"), group("Treasury")));
        times(catalogue, 2, article(person("Baker"), group("White House")));
        times(catalogue, 2, article(person("Mr Baker")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(person("Mr Baker"))))).containsExactly("person:mr-baker");
    }

    @Test
    void shouldLinkAPolicyAreaOfAnAcronymsBodyButNotAFirmsSubsidiary() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("EC")));
        times(catalogue, 6, article(group("BP")));
        times(catalogue, 2, article(group("EC External Trade"), group("EC")));
        times(catalogue, 2, article(group("BP Australia"), group("BP")));
        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("EC External Trade"))))).containsExactly("group:ec");
        assertThat(ids(links.apply(article(group("BP Australia"))))).containsExactly("group:bp-australia");
    }

    @Test
    void shouldLinkAFirmsAcronymNamedBesideItsFullNameInTheSameArticles() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("International Business Machines Corp"), group("IBM")));
        times(catalogue, 4, article(group("IBM")));
        times(catalogue, 2, article(group("International Business Machines Corp")));
        // Same initials, never named beside it: no evidence.
        times(catalogue, 5, article(group("Intermediate Bond Market")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("International Business Machines Corp"))))).containsExactly("group:ibm");
        assertThat(ids(links.apply(article(group("Intermediate Bond Market"))))).containsExactly(
                "group:intermediate-bond-market");
    }

    @Test
    void shouldLinkAnAcronymToAnExpansionSpelledByOneOfItsLinkedNames() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 5, article(group("U.S. Agriculture Department"), group("USDA")));
        times(catalogue, 3, article(group("U.S. Department of Agriculture")));
        times(catalogue, 4, article(group("USDA")));

        EntityLinks links = catalogue.decide();

        String usda = ids(links.apply(article(group("USDA")))).getFirst();
        assertThat(ids(links.apply(article(group("U.S. Agriculture Department"))))).containsExactly(usda);
        assertThat(ids(links.apply(article(group("U.S. Department of Agriculture"))))).containsExactly(usda);
    }

    @Test
    void shouldLinkTheSameWordsInAnotherOrder() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 8, article(group("General Agreement on Tariffs and Trade")));
        times(catalogue, 2, article(group("General Agreement on Trade and Tariffs")));
        times(catalogue, 3, article(group("General Agreement")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("General Agreement on Trade and Tariffs")))))
                .containsExactly("group:general-agreement-on-tariffs-and-trade");
        assertThat(ids(links.apply(article(group("General Agreement"))))).containsExactly("group:general-agreement");
    }

    @Test
    void shouldLinkALegalFormVariantEvenWhenAnArticleUsesBoth() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 5, article(group("General Motors Corp"), group("General Motors")));
        times(catalogue, 3, article(group("Merrill Lynch and Co Inc")));
        times(catalogue, 4, article(group("Merrill Lynch")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("General Motors"))))).containsExactly("group:general-motors-corp");
        assertThat(ids(links.apply(article(group("Merrill Lynch and Co Inc"))))).containsExactly("group:merrill-lynch");
    }

    @Test
    void shouldLinkAOneWordGroupToTheLongerNameItBeginsAndIsNamedBeside() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 5, article(group("Moody's Investors Service Inc"), group("Moody")));
        times(catalogue, 3, article(group("Moody")));
        times(catalogue, 4, article(group("Senate"), group("Senate Banking Committee")));
        times(catalogue, 2, article(group("Senate")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("Moody"))))).isEqualTo(
                ids(links.apply(article(group("Moody's Investors Service Inc")))));
        assertThat(links.global().values()).extracting(EntityLinks.Global::reason)
                .containsExactly("short form: 'Moody' begins 'Moody's Investors Service Inc', named beside it in 5 of its 8 articles");
        assertThat(ids(links.apply(article(group("Senate"))))).containsExactly("group:senate");
    }

    @Test
    void shouldLinkAnOrganNamedAfterItsBodysPossessive() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 6, article(group("European Community", "EC")));
        times(catalogue, 2, article(group("European Community's Council of Ministers")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("European Community's Council of Ministers")))))
                .containsExactly(ids(links.apply(article(group("European Community")))).getFirst());
    }

    @Test
    void shouldSplitTwoKnownGroupsJoinedByASlashOrAHyphen() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 12, article(group("International Monetary Fund")));
        times(catalogue, 12, article(group("World Bank")));
        times(catalogue, 1, article(group("International Monetary Fund/World Bank")));
        times(catalogue, 1, article(group("International Monetary Fund-World Bank")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(group("International Monetary Fund/World Bank")))))
                .containsExactlyInAnyOrder("group:international-monetary-fund", "group:world-bank");
        assertThat(ids(links.apply(article(group("International Monetary Fund-World Bank")))))
                .containsExactlyInAnyOrder("group:international-monetary-fund", "group:world-bank");
    }

    @Test
    void shouldMakeAPersonAFirmWhereTheArchiveNamesItWithALegalFormOrItsInitialsBeginAFirmsName() {
        EntityCatalogue catalogue = new EntityCatalogue();
        times(catalogue, 2, article(group("James Capel and Co")));
        times(catalogue, 4, article(person("James Capel")));
        times(catalogue, 1, article(group("L.F. Rothschild Unterberg Towbin")));
        times(catalogue, 3, article(person("L.F. Rothschild")));
        times(catalogue, 3, article(person("P.W. Botha")));

        EntityLinks links = catalogue.decide();

        assertThat(ids(links.apply(article(person("James Capel"))))).containsExactly("group:james-capel-and-co");
        assertThat(ids(links.apply(article(person("L.F. Rothschild")))))
                .containsExactly("group:lf-rothschild-unterberg-towbin");
        assertThat(ids(links.apply(article(person("P.W. Botha"))))).containsExactly("person:pw-botha");
    }
}
