package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.clipfile.enrich.MentionSpans;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StoredEntitiesTests {
    private static final JsonNode ENTITIES = JsonMapper.shared().readTree("""
            {"people": [{"id": "person:john-kirby", "name": "John Kirby", "type": "person",
                         "variants": ["john kirby", "kirby"], "mentions": 2, "addedByAnotherTool": true}],
             "groups": [{"id": "group:hts", "name": "Hayat Tahrir al-Sham", "variants": ["hts", 7]}],
             "places": [{"id": "place:geonames:1", "name": "Atme", "regionId": "place:region:SY.12",
                         "regionName": "Idlib", "cityId": null, "variants": ["atme"]},
                        {"id": "place:region:SY.12", "name": "Idlib province", "variants": []},
                        {"name": "no id"}]}
            """);

    @Test
    void shouldNameAnIdByItsEntityOrByThePlaceThatHasItAsAncestor() {
        assertThat(StoredEntities.namesOf(ENTITIES, "person:john-kirby")).containsExactly("John Kirby");
        assertThat(StoredEntities.namesOf(ENTITIES, "place:region:SY.12")).containsExactly("Idlib", "Idlib province");
        assertThat(StoredEntities.namesOf(ENTITIES, "group:unknown")).isEmpty();
        assertThat(StoredEntities.namesOf(null, "group:hts")).isEmpty();
    }

    @Test
    void shouldListEntitiesToMarkWithTheirTypesSkippingIncompleteOnesAndOddVariants() {
        assertThat(StoredEntities.named(ENTITIES)).containsExactly(
                new MentionSpans.Named("person:john-kirby", "person", "John Kirby", java.util.List.of("john kirby",
                        "kirby")),
                new MentionSpans.Named("group:hts", "group", "Hayat Tahrir al-Sham", java.util.List.of("hts")),
                new MentionSpans.Named("place:geonames:1", "place", "Atme", java.util.List.of("atme")),
                new MentionSpans.Named("place:region:SY.12", "place", "Idlib province", java.util.List.of()));
    }

    @Test
    void shouldShowTheEntitiesInSnakeCaseWithoutTheirIndexVariants() {
        JsonNode shown = StoredEntities.forAnswer(ENTITIES);

        JsonNode atme = shown.get("places").get(0);
        assertThat(atme.get("region_id").asString()).isEqualTo("place:region:SY.12");
        assertThat(atme.get("region_name").asString()).isEqualTo("Idlib");
        assertThat(atme.has("city_id")).isTrue();
        assertThat(atme.has("regionId") || atme.has("variants")).isFalse();
        assertThat(shown.get("people").get(0).get("added_by_another_tool").asBoolean()).isTrue();
        assertThat(ENTITIES.get("places").get(0).has("regionId")).as("the hit's tree is left as it was").isTrue();
        assertThat(StoredEntities.forAnswer(null)).isNull();
    }

    @Test
    void shouldReadNothingFromSomethingThatIsNotAnEntitiesObject() {
        assertThat(StoredEntities.named(JsonMapper.shared().readTree("[1, 2]"))).isEmpty();
        assertThat(StoredEntities.named(null)).isEmpty();
    }
}
