package org.clipfile.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;
import org.junit.jupiter.api.Test;

class AliasRegistryTests {
    private final AliasRegistry seed = AliasRegistry.loadDefault();

    @Test
    void shouldMapEverySpellingOfHayatTahrirAlShamToOneGroup() {
        for (String variant : List.of("HTS", "Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "hayat tahrir ash-sham")) {
            assertThat(seed.findByName(variant)).as(variant).get()
                    .extracting(CanonicalEntity::id, CanonicalEntity::type)
                    .containsExactly("group:hayat-tahrir-al-sham", EntityType.GROUP);
        }
    }

    @Test
    void shouldNotKnowNamesOutsideTheRegistry() {
        assertThat(seed.findByName("John Kirby")).isEmpty();
        assertThat(seed.findByName("")).isEmpty();
    }

    @Test
    void shouldFindRegistryNamesTheTaggerMissesButNotTwoLetterCodes() {
        String text = "HTS has conducted sweeps, the US raid was not directed at IS operatives. HTSX is not it.";

        List<Mention> found = seed.findMentions(text);

        assertThat(found).containsExactly(new Mention("HTS", MentionType.ORGANIZATION, 0, 3));
    }

    @Test
    void shouldPreferTheLongestRegistryNameStartingAtAWord() {
        String text = "Forces of US Central Command and Central Command again.";

        List<Mention> found = seed.findMentions(text);

        assertThat(found).extracting(Mention::text).containsExactly("US Central Command", "Central Command");
    }

    @Test
    void shouldAddReplaceAndRemoveEntitiesAtRunTime() {
        AliasRegistry registry = AliasRegistry.of(List.of());
        registry.add(new CanonicalEntity("person:john-kirby", EntityType.PERSON, "John Kirby", List.of("Adm. Kirby")));
        assertThat(registry.findByName("adm kirby")).map(CanonicalEntity::id).hasValue("person:john-kirby");

        registry.replace(new CanonicalEntity("person:john-kirby", EntityType.PERSON, "John F. Kirby", List.of()));
        assertThat(registry.findByName("Adm. Kirby")).isEmpty();
        assertThat(registry.findById("person:john-kirby")).map(CanonicalEntity::name).hasValue("John F. Kirby");

        assertThat(registry.remove("person:john-kirby")).isTrue();
        assertThat(registry.entities()).isEmpty();
    }

    @Test
    void shouldRejectAnAliasThatAlreadyMeansAnotherEntity() {
        CanonicalEntity clash = new CanonicalEntity("group:hts-copy", EntityType.GROUP, "Copy", List.of("H.T.S."));

        assertThatThrownBy(() -> seed.add(clash)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group:hayat-tahrir-al-sham");
        assertThat(seed.findById("group:hts-copy")).isEmpty();
    }

    @Test
    void shouldRejectIdsThatDoNotNameTheirType() {
        assertThatThrownBy(() -> new CanonicalEntity("group:x", EntityType.PERSON, "X", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanonicalEntity("X Y", EntityType.PERSON, "X", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadTheSeedFormatWithTypesInAnyCase() {
        String json = """
                {"about": "test", "entities": [
                  {"id": "group:acme", "type": "Group", "name": "Acme Corporation", "aliases": ["Acme"]}]}""";

        AliasRegistry registry = AliasRegistry.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(registry.findByName("ACME")).map(CanonicalEntity::type).hasValue(EntityType.GROUP);
    }

    @Test
    void shouldGiveReadersAConsistentViewWhileAnEditorWrites() throws Exception {
        AliasRegistry registry = AliasRegistry.of(List.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    registry.add(new CanonicalEntity("group:g" + i, EntityType.GROUP, "Group " + i, List.of("G" + i)));
                }
            });
            Future<Integer> reader = pool.submit(() -> {
                int seen = 0;
                while (!writer.isDone()) {
                    // An entity found by id is always found by its alias too: both come from one snapshot.
                    for (CanonicalEntity entity : registry.entities()) {
                        assertThat(registry.findByName(entity.aliases().getFirst())).isPresent();
                        seen++;
                    }
                }
                return seen;
            });
            writer.get();
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.entities()).hasSize(200);
    }
}
