package org.clipfile.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;
import org.junit.jupiter.api.Test;

class EntityResolverTests {
    private final AliasRegistry registry = AliasRegistry.loadDefault();
    private final EntityResolver resolver = new EntityResolver(registry, Set.of("Syrian", "Iraqi")::contains);

    /** Tags every occurrence of the given names with the given type, like a recognizer would. */
    private static List<Mention> tag(String text, Object... namesAndTypes) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            String name = (String) namesAndTypes[i];
            MentionType type = (MentionType) namesAndTypes[i + 1];
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                int begin = at;
                int end = at + name.length();
                // A shorter name inside a longer one already tagged ("Kirby" in "John Kirby") is not a mention.
                if (mentions.stream().noneMatch(m -> m.begin() <= begin && end <= m.end())) {
                    mentions.add(new Mention(name, type, begin, end));
                }
            }
        }
        return mentions;
    }

    private List<ResolvedEntity> resolve(String text, List<Mention> mentions) {
        return resolver.resolve(text, mentions, mentions);
    }

    @Test
    void shouldLinkASurnameToTheFullNameInTheSameArticle() {
        String text = "Spokesman John Kirby spoke. Kirby said more.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "John Kirby", MentionType.PERSON, "Kirby",
                MentionType.PERSON));

        assertThat(entities).singleElement().satisfies(kirby -> {
            assertThat(kirby.id()).isEqualTo("person:john-kirby");
            assertThat(kirby.name()).isEqualTo("John Kirby");
            assertThat(kirby.mentions()).hasSize(2);
            assertThat(kirby.registered()).isFalse();
        });
    }

    @Test
    void shouldLinkAShortFormOfAnOrganizationToItsFullName() {
        String text = "The Britain-based Human Rights Watchers said so. Watchers chief Jo Bloggs added.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Human Rights Watchers", MentionType.ORGANIZATION,
                "Watchers", MentionType.ORGANIZATION, "Jo Bloggs", MentionType.PERSON));

        assertThat(entities).extracting(ResolvedEntity::id)
                .containsExactlyInAnyOrder("group:human-rights-watchers", "person:jo-bloggs");
        assertThat(entities).filteredOn(e -> e.type() == EntityType.GROUP).singleElement()
                .extracting(e -> e.mentions().size()).isEqualTo(2);
    }

    @Test
    void shouldNotLinkAShortFormToANameOfAnotherType() {
        String text = "Jordan Peters met officials in Jordan. Peters left.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Jordan Peters", MentionType.PERSON, "Peters",
                MentionType.ORGANIZATION));

        assertThat(entities).extracting(ResolvedEntity::id)
                .containsExactlyInAnyOrder("person:jordan-peters", "group:peters");
    }

    @Test
    void shouldLinkAnAmbiguousSurnameToTheMostMentionedFullName() {
        String text = "Ann Smith and Bob Smith. Ann Smith again. Smith said.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Ann Smith", MentionType.PERSON, "Bob Smith",
                MentionType.PERSON, "Smith", MentionType.PERSON));

        assertThat(entities).filteredOn(e -> e.id().equals("person:ann-smith")).singleElement()
                .extracting(e -> e.mentions().size()).isEqualTo(3);
    }

    @Test
    void shouldMergeAnAcronymWithTheRegistryGroupAndCorrectTheTaggersType() {
        String text = "The area is run by Hayat Tahrir al-Sham. HTS has conducted sweeps.";
        List<Mention> mentions = new ArrayList<>(tag(text, "Hayat Tahrir al-Sham", MentionType.PERSON));
        registry.findMentions(text).stream().filter(found -> mentions.stream().noneMatch(found::overlaps))
                .forEach(mentions::add);

        List<ResolvedEntity> entities = resolve(text, mentions);

        assertThat(entities).singleElement().satisfies(hts -> {
            assertThat(hts.id()).isEqualTo("group:hayat-tahrir-al-sham");
            assertThat(hts.type()).isEqualTo(EntityType.GROUP);
            assertThat(hts.mentions()).extracting(Mention::text).containsExactly("Hayat Tahrir al-Sham", "HTS");
            assertThat(hts.variants()).contains("hts", "hayat tahrir al sham");
        });
    }

    @Test
    void shouldFindTheAcronymOfAGroupTheRegistryDoesNotKnow() {
        String text = "The Free Press Union protested. FPU members marched. Later the FPU left, and ABC too.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Free Press Union", MentionType.ORGANIZATION));

        assertThat(entities).singleElement().satisfies(union -> {
            assertThat(union.id()).isEqualTo("group:free-press-union");
            assertThat(union.mentions()).extracting(Mention::text).containsExactly("Free Press Union", "FPU", "FPU");
        });
    }

    @Test
    void shouldNotTakeAnAcronymFromAHeadlineInCapitals() {
        String text = "WHY FPU MATTERS. The Free Press Union protested.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Free Press Union", MentionType.ORGANIZATION));

        assertThat(entities).singleElement().extracting(e -> e.mentions().size()).isEqualTo(1);
    }

    @Test
    void shouldReadAGroupQualifiedByANationalityAsTheGroup() {
        String text = "Al-Qaeda fighters and former members of Al-Syrian Qaeda's affiliate.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Al-Qaeda", MentionType.ORGANIZATION,
                "Al-Syrian Qaeda", MentionType.ORGANIZATION));

        assertThat(entities).singleElement().satisfies(qaeda -> {
            assertThat(qaeda.id()).isEqualTo("group:al-qaeda");
            assertThat(qaeda.mentions()).hasSize(2);
        });
    }

    @Test
    void shouldLinkAFirstNameToTheRegistryNameOfAnEntityMentionedBySurname() {
        String text = "It defies Bashar al-government. Assad's troops advanced.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Bashar", MentionType.PERSON, "Assad",
                MentionType.PERSON));

        assertThat(entities).singleElement().satisfies(assad -> {
            assertThat(assad.id()).isEqualTo("person:bashar-al-assad");
            assertThat(assad.name()).isEqualTo("Bashar al-Assad");
            assertThat(assad.mentions()).hasSize(2);
        });
    }

    @Test
    void shouldGiveTheSameIdToTheSameNameWrittenDifferentlyInOneArticle() {
        String text = "Mohammed Salem spoke; later Muhammad Salem denied it.";

        List<ResolvedEntity> entities = resolve(text, tag(text, "Mohammed Salem", MentionType.PERSON,
                "Muhammad Salem", MentionType.PERSON));

        assertThat(entities).singleElement().satisfies(salem -> {
            assertThat(salem.mentions()).hasSize(2);
            assertThat(salem.variants()).contains("mohammed salem", "muhammad salem");
        });
    }

    @Test
    void shouldLetTheRegistryClaimAMentionTaggedAsALocation() {
        Mention pentagon = new Mention("Pentagon", MentionType.LOCATION, 0, 8);

        assertThat(resolver.claims(pentagon)).isTrue();
        assertThat(resolve("Pentagon said", List.of(pentagon))).singleElement()
                .extracting(ResolvedEntity::id).isEqualTo("group:pentagon");
        assertThat(resolver.claims(new Mention("Idlib", MentionType.LOCATION, 0, 5))).isFalse();
    }

    @Test
    void shouldSpellInitialsWithoutArticlesAndFunctionWords() {
        assertThat(EntityResolver.initials("Syrian Observatory for Human Rights")).isEqualTo("SOHR");
        assertThat(EntityResolver.initials("Hayat Tahrir al-Sham")).isEqualTo("HTS");
        assertThat(EntityResolver.initials("Agence France-Presse")).isEqualTo("AFP");
        assertThat(EntityResolver.initials("Pentagon")).isEmpty();
    }
}
