package org.clipfile.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.clipfile.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class NameListsTests {
    private static List<String> read(String csv) throws IOException {
        return NameLists.firstColumn(new StringReader(csv), 100, 50);
    }

    @Test
    void shouldReadTheFirstColumnWithQuotesAndSkipBlankCells() throws IOException {
        assertThat(read("\uFEFFname,role\r\n\"Fontaneda, Aurelio\",x\n  Rami Abdel Rahman  ,\"a, b\"\n,empty\n"
                + "\"He said \"\"no\"\"\"\n\"two\nlines\",z\nlast"))
                .containsExactly("name", "Fontaneda, Aurelio", "Rami Abdel Rahman", "He said \"no\"", "two\nlines",
                        "last");
    }

    @Test
    void shouldRefuseTooManyOrTooLongNames() {
        assertThatThrownBy(() -> NameLists.firstColumn(new StringReader("a\nb\nc"), 2, 50))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> read("x".repeat(51))).isInstanceOf(ApiProblem.class);
        assertThat(NameLists.checked(List.of(" a ", "", "b"), 2, 10)).containsExactly("a", "b");
    }

    @Test
    void shouldMatchANameInsideALongerNameByKeyTokens() {
        assertThat(BatchRunner.contains(List.of("rami", "abdrahman"), List.of("abdrahman"))).isTrue();
        assertThat(BatchRunner.contains(List.of("rami", "abdrahman"), List.of("rami", "x"))).isFalse();
        assertThat(BatchRunner.contains(List.of("a"), List.of())).isFalse();
    }
}
