package org.clipfile.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.PlaceFacet;
import org.junit.jupiter.api.Test;

class EnrichmentTests {
    private static final Map<String, List<String>> REGISTRY =
            Map.of("group:hts", List.of("Hayat Tahrir al-Sham", "HTS"));

    private static Enrichment withoutNameKeys(Enrichment stored) {
        return NameKeyRemoval.withoutNameKeys(stored, id -> REGISTRY.getOrDefault(id, List.of()));
    }

    @Test
    void shouldRemakeEntityVariantsFromTheNamesAsWrittenWithoutKeysOfAnyVersion() {
        // As enrichments were stored before: the key and the folded spelling of every name; "pantagun" is the key of
        // the NameKeys of before 2026-12-07, "pentagun" today's.
        assertThat(NameKeys.key("Pentagon")).isEqualTo("pentagun");
        EntityFacet pentagon = new EntityFacet("group:pentagon", "Pentagon", "group",
                List.of("pentagun", "pentagon", "the pentaguns", "the pentagons", "pantagun"), 2,
                List.of("Pentagon", "the Pentagon's"), List.of());
        EntityFacet rahman = new EntityFacet("person:rami-abdel-rahman", "Rami Abdel Rahman", "person",
                List.of(NameKeys.key("Rami Abdel Rahman"), "rami abdel rahman", "rami abdal rahman"), 1);

        Enrichment cleaned = withoutNameKeys(new Enrichment(List.of(rahman), List.of(pentagon), List.of()));

        assertThat(cleaned.groups().getFirst().variants()).containsExactlyInAnyOrder("pentagon", "the pentagons");
        assertThat(cleaned.people().getFirst().variants()).containsExactly("rami abdel rahman");
        assertThat(cleaned.groups().getFirst().names()).containsExactly("Pentagon", "the Pentagon's");
        assertThat(cleaned.groups().getFirst().mentions()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheRegisteredNamesOfARegistryEntity() {
        EntityFacet hts = new EntityFacet("group:hts", "Hayat Tahrir al-Sham", "group",
                List.of("hts", "hayat tahrir al sham", NameKeys.key("Hayat Tahrir al-Sham")), 1);

        Enrichment cleaned = withoutNameKeys(new Enrichment(List.of(), List.of(hts), List.of()));

        assertThat(cleaned.groups().getFirst().variants()).containsExactlyInAnyOrder("hts", "hayat tahrir al sham");
    }

    @Test
    void shouldDropTheKeysAmongAPlacesVariantsButKeepItsSpellings() {
        assertThat(NameKeys.key("Atmeh")).isEqualTo("atma");
        PlaceFacet atme = new PlaceFacet("place:atme", "Atmeh", "city", "SY", "Syria", null, null, null, null, null,
                null, "none", false, List.of(), List.of("atma", "atme", "atmeh"), 1);

        Enrichment cleaned = withoutNameKeys(new Enrichment(List.of(), List.of(), List.of(atme)));

        assertThat(cleaned.places().getFirst().variants()).containsExactly("atme", "atmeh");
    }
}
