package org.clipfile.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShoutedLinesTests {

    @Test
    void shouldBlankAHeadlineInCapitalsAndKeepTheOffsetsOfTheBody() {
        String text = "BAKER SAYS HE OPPOSES TAX RISE\n\nJames Baker said he opposed it.\nREUTER";

        String blanked = ShoutedLines.blank(text);

        assertThat(blanked).hasSameSizeAs(text);
        assertThat(blanked).doesNotContain("BAKER", "REUTER").contains("James Baker said he opposed it.");
        assertThat(blanked.indexOf("James")).isEqualTo(text.indexOf("James"));
    }

    @Test
    void shouldBlankATextWhollyInCapitalsAndListItsLines() {
        String brief = "VOLCKER SEES NO RECESSION";

        assertThat(ShoutedLines.blank(brief)).isBlank();
        assertThat(ShoutedLines.lines(brief + "\nNormal text here.")).containsExactly(brief);
    }

    @Test
    void shouldLeaveTextInNormalCaseAndShortAcronymLinesAlone() {
        String text = "US\nThe U.S. and NATO said IBM's profit rose.";

        assertThat(ShoutedLines.blank(text)).isSameAs(text);
        assertThat(ShoutedLines.lines(text)).isEmpty();
    }
}
