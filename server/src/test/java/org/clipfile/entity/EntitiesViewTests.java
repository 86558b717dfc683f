package org.clipfile.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The entities as the API shows them: snake_case names, no index variants, removed ones only when there are some. */
class EntitiesViewTests {
    private static final Enrichment ENRICHMENT = new Enrichment(
            List.of(new EntityFacet("person:james-baker", "James Baker", "person", List.of("james baker", "baker"), 2,
                    List.of("James Baker", "Baker"),
                    List.of(new EntityFacet.Link("person:baker", "Baker", List.of("Baker"), 1, "context: Treasury",
                            0.1)), 0.5)),
            List.of(),
            List.of(new PlaceFacet("place:region:SY.12", "Idlib", "region", "SY", "Syria", "place:region:SY.12",
                    "Idlib", null, null, 35.9, 36.6, "seat", false, List.of("place:country:SY"), List.of("idlib"), 2,
                    0.6)),
            List.of(),
            List.of(new PlaceFacet("place:country:IS", "IS", "country", "IS", "Iceland", null, null, null, null, null,
                    null, "none", false, List.of(), List.of("is"), 1)));

    @Test
    void shouldNameEveryFieldInSnakeCaseAndLeaveTheIndexVariantsOut() {
        JsonNode json = JsonMapper.shared().valueToTree(EntitiesView.of(ENRICHMENT));

        JsonNode idlib = json.get("places").get(0);
        assertThat(idlib.get("country_code").asString()).isEqualTo("SY");
        assertThat(idlib.get("region_name").asString()).isEqualTo("Idlib");
        assertThat(idlib.get("ancestor_ids").get(0).asString()).isEqualTo("place:country:SY");
        assertThat(idlib.get("salience").asDouble()).isEqualTo(0.6);
        assertThat(idlib.has("variants") || idlib.has("countryCode")).isFalse();
        JsonNode baker = json.get("people").get(0);
        assertThat(baker.get("linked").get(0).get("from_id").asString()).isEqualTo("person:baker");
        assertThat(baker.get("names")).hasSize(2);
        assertThat(baker.has("variants")).isFalse();
        assertThat(json.has("removed")).as("no removed people or groups: left out").isFalse();
        assertThat(json.get("removed_places").get(0).get("id").asString()).isEqualTo("place:country:IS");
    }
}
