package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {
    @Test
    void shouldNeutraliseCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.cell("\tx")).isEqualTo("\"'\tx\"");
    }

    @Test
    void shouldQuoteCellsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.row(List.of("a,b", "say \"hi\"", "two\nlines", "plain")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"plain\"\r\n");
    }

    /** Finding 9: a spreadsheet that splits on semicolons ran the second half of {@code x;=2+2}. */
    @Test
    void shouldQuoteEveryCellSoThatNoOtherSeparatorCanSplitOne() {
        assertThat(Csv.cell("x;=2+2")).isEqualTo("\"x;=2+2\"");
        assertThat(Csv.cell("x\t=2+2")).isEqualTo("\"x\t=2+2\"");
        assertThat(Csv.row(List.of("plain", ""))).isEqualTo("\"plain\",\"\"\r\n");
    }
}
