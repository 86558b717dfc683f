package org.clipfile.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clipfile.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class LabelsTests {
    @Test
    void shouldStoreOneFormOfALabel() {
        assertThat(Labels.normalize("  Flood \t Defences ")).isEqualTo("flood defences");
        assertThat(Labels.normalize("CAFE\u0301 owners")).as("NFC").isEqualTo("caf\u00e9 owners");
        assertThat(Labels.normalize("2024-election_v2.final")).isEqualTo("2024-election_v2.final");
        assertThat(Labels.normalize("Überprüft")).isEqualTo("überprüft");
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        String forty = "𝔸".repeat(Labels.MAX_LENGTH); // each a surrogate pair
        assertThat(Labels.normalize(forty)).hasSize(2 * Labels.MAX_LENGTH);
        assertThatThrownBy(() -> Labels.normalize(forty + "𝔸")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void shouldRefuseWhatIsNotALabel() {
        for (String bad : new String[] {"", "   ", "x".repeat(Labels.MAX_LENGTH + 1), "<b>", "a/b", "-lead",
                ".hidden", "a\u202Eb", "a\u0000b", "tab\u200Bbed", "semi;colon", "y".repeat(10_000)}) {
            assertThatThrownBy(() -> Labels.normalize(bad)).as(bad.length() > 50 ? "long" : bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.getStatusCode().value()).isEqualTo(400);
                        assertThat(p.getBody().getType().toString()).isEqualTo("/problems/invalid-label");
                    });
        }
    }
}
