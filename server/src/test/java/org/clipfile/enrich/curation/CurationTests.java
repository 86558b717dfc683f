package org.clipfile.enrich.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.enrich.catalogue.EntityCatalogue;
import org.clipfile.enrich.catalogue.EntityLinks;
import org.clipfile.enrich.names.NameKeys;
import org.junit.jupiter.api.Test;

class CurationTests {
    private static final Instant MARCH_1987 = Instant.parse("1987-03-02T10:00:00Z");
    private static int sequence;

    private static EntityFacet person(String name, String... shortForms) {
        return facet("person", name, shortForms);
    }

    private static EntityFacet group(String name, String... shortForms) {
        return facet("group", name, shortForms);
    }

    private static EntityFacet facet(String type, String name, String... shortForms) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(shortForms));
        List<String> variants = new ArrayList<>();
        names.forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
        return new EntityFacet(type + ":" + NameKeys.slug(name), name, type, variants, names.size(), names, List.of());
    }

    private static Enrichment article(EntityFacet... entities) {
        List<EntityFacet> people = new ArrayList<>();
        List<EntityFacet> groups = new ArrayList<>();
        for (EntityFacet entity : entities) {
            (entity.type().equals("person") ? people : groups).add(entity);
        }
        return new Enrichment(people, groups, List.of());
    }

    private static CurationEdit edit(CurationEdit.Action action, String entity, String other, String name,
            String type) {
        return new CurationEdit("e" + (++sequence), action.wire(), entity, other, "Entity " + entity, name, type,
                "editor", MARCH_1987.plusSeconds(sequence), false, null, null);
    }

    private static List<String> ids(Enrichment enrichment) {
        List<String> ids = new ArrayList<>();
        enrichment.people().forEach(p -> ids.add(p.id()));
        enrichment.groups().forEach(g -> ids.add(g.id()));
        return ids;
    }

    @Test
    void shouldCountAMergedValueUnderTheOneItWasMergedIntoAndRestoreItAfterwards() {
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.MERGE, "group:group-of-seven", "group:g-7", null, null)));
        Enrichment original = article(group("G-7"), person("James Baker"));

        Enrichment curated = curation.apply(original);

        assertThat(ids(curated)).containsExactlyInAnyOrder("group:group-of-seven", "person:james-baker");
        EntityFacet merged = curated.groups().getFirst();
        assertThat(merged.name()).isEqualTo("Entity group:group-of-seven");
        assertThat(merged.names()).contains("G-7");
        assertThat(merged.linked()).singleElement().satisfies(l -> {
            assertThat(l.fromId()).isEqualTo("group:g-7");
            assertThat(l.reason()).startsWith(Curation.MERGED);
        });
        assertThat(EntityLinks.restore(curated)).isEqualTo(original);
    }

    @Test
    void shouldJoinBothValuesOfOneArticleIntoOneAndFollowAChainOfMerges() {
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.MERGE, "group:g7", "group:g-7", null, null),
                edit(CurationEdit.Action.MERGE, "group:group-of-seven", "group:g7", null, null)));
        Enrichment original = article(group("G-7"), group("Group of Seven"));

        Enrichment curated = curation.apply(original);

        assertThat(ids(curated)).containsExactly("group:group-of-seven");
        assertThat(curated.groups().getFirst().mentions()).isEqualTo(2);
        assertThat(curated.groups().getFirst().names()).containsExactlyInAnyOrder("G-7", "Group of Seven");
        assertThat(ids(EntityLinks.restore(curated))).containsExactlyInAnyOrder("group:g-7", "group:group-of-seven");
    }

    @Test
    void shouldStopAtACycleOfMergesInsteadOfLoopingForever() {
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.MERGE, "group:a", "group:b", null, null),
                edit(CurationEdit.Action.MERGE, "group:b", "group:a", null, null)));

        assertThat(curation.resolve("group:a")).isIn("group:a", "group:b");
        assertThat(ids(curation.apply(article(group("A"), group("B"))))).hasSize(1);
    }

    @Test
    void shouldRenameRetypeAndRemoveAValueAndGiveTheArticlesOwnReadingBack() {
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.RENAME, "person:jim-baker", null, "James A. Baker", null),
                edit(CurationEdit.Action.RETYPE, "person:ef-hutton", null, null, "group"),
                edit(CurationEdit.Action.NOT_ENTITY, "person:he", null, null, null)));
        Enrichment original = article(person("Jim Baker"), person("E.F. Hutton"), person("He"));

        Enrichment curated = curation.apply(original);

        assertThat(ids(curated)).containsExactlyInAnyOrder("person:jim-baker", "group:ef-hutton");
        assertThat(curated.people().getFirst().name()).isEqualTo("James A. Baker");
        assertThat(curated.people().getFirst().variants()).contains("james a baker");
        assertThat(curated.groups().getFirst().type()).isEqualTo("group");
        assertThat(curated.removed()).extracting(EntityFacet::id).containsExactly("person:he");
        Enrichment restored = EntityLinks.restore(curated);
        assertThat(ids(restored)).containsExactlyInAnyOrder("person:jim-baker", "person:ef-hutton", "person:he");
        assertThat(restored.people()).extracting(EntityFacet::name).contains("Jim Baker").doesNotContain(
                "James A. Baker");
        assertThat(restored.removed()).isEmpty();
    }

    @Test
    void shouldApplyNothingOnceAnEditIsUndone() {
        CurationEdit merge = edit(CurationEdit.Action.MERGE, "group:a", "group:b", null, null);
        Enrichment original = article(group("B"));
        Enrichment curated = Curation.of(List.of(merge)).apply(original);

        Curation undone = Curation.of(List.of(merge.undone("editor", MARCH_1987)));

        assertThat(undone.isEmpty()).isTrue();
        assertThat(undone.apply(EntityLinks.restore(curated))).isEqualTo(original);
        assertThat(ids(curated)).containsExactly("group:a");
    }

    @Test
    void shouldSplitAnAutomaticLinkOutOfAnArticleAtOnceAndKeepTheCatalogueFromMakingItAgain() {
        EntityCatalogue catalogue = new EntityCatalogue();
        for (int i = 0; i < 4; i++) {
            catalogue.add(article(person("Ronald Reagan", "Reagan")), MARCH_1987);
        }
        for (int i = 0; i < 10; i++) {
            catalogue.add(article(person("Reagan")), MARCH_1987);
        }
        Enrichment linked = catalogue.decide().apply(article(person("Reagan"), person("Ronald Reagan")));
        assertThat(ids(linked)).as("the catalogue links them").containsExactly("person:ronald-reagan");
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.SPLIT, "person:ronald-reagan", "person:reagan", null, null)));

        Enrichment split = curation.apply(linked);
        Enrichment relinked = catalogue.decide(curation.vetoes()).apply(article(person("Reagan")));

        assertThat(ids(split)).containsExactlyInAnyOrder("person:ronald-reagan", "person:reagan");
        assertThat(split.people()).allSatisfy(p -> assertThat(p.linked()).isEmpty());
        assertThat(ids(relinked)).containsExactly("person:reagan");
        assertThat(catalogue.decide(curation.vetoes()).global()).doesNotContainKey("person:reagan");
        assertThat(catalogue.decide().global()).containsKey("person:reagan");
    }

    @Test
    void shouldVetoOneCandidateOfAnAmbiguousShortFormAndKeepTheOther() {
        EntityCatalogue catalogue = new EntityCatalogue();
        for (int i = 0; i < 20; i++) {
            catalogue.add(article(person("James Baker", "Baker"), person("Paul Volcker"), group("Treasury")),
                    MARCH_1987);
        }
        for (int i = 0; i < 8; i++) {
            catalogue.add(article(person("Howard Baker", "Baker"), group("White House"), person("Oliver North")),
                    MARCH_1987);
        }
        Enrichment atTheTreasury = article(person("Baker"), person("Paul Volcker"), group("Treasury"));
        Enrichment atTheWhiteHouse = article(person("Baker"), group("White House"));
        List.of(atTheTreasury, atTheWhiteHouse, article(person("Baker"))).forEach(a -> catalogue.add(a, MARCH_1987));
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.SPLIT, "person:james-baker", "person:baker", null, null)));
        EntityLinks linked = catalogue.decide();
        EntityLinks vetoed = catalogue.decide(curation.vetoes());

        assertThat(ids(linked.apply(atTheTreasury))).contains("person:james-baker").doesNotContain("person:baker");
        assertThat(ids(curation.apply(linked.apply(atTheTreasury)))).as("split out at once, before a rebuild")
                .contains("person:baker", "person:paul-volcker");
        assertThat(ids(vetoed.apply(atTheTreasury))).contains("person:baker").doesNotContain("person:james-baker");
        assertThat(ids(vetoed.apply(atTheWhiteHouse))).contains("person:howard-baker");
    }

    @Test
    void shouldLeaveAnArticleWithoutEditedValuesAsItIs() {
        Curation curation = Curation.of(List.of(
                edit(CurationEdit.Action.MERGE, "group:a", "group:b", null, null)));
        Enrichment original = article(group("C"), person("D"));

        assertThat(curation.apply(original)).isEqualTo(original);
    }
}
