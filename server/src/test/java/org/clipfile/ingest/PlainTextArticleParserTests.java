package org.clipfile.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clipfile.article.ArticleDraft;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PlainTextArticleParserTests {
    private final PlainTextArticleParser parser = new PlainTextArticleParser();

    @Test
    void shouldReadTitleSectionAndBodyOfTheScrapedLayout() {
        ArticleDraft draft = parser.parse("""
                In Northwestern Syria, US Special Forces carried out a raid.

                syria

                US special troops chased down high-ranking terrorists.

                The goals of the operation were not immediately clear.

                Exit mobile version""");

        assertThat(draft.title()).isEqualTo("In Northwestern Syria, US Special Forces carried out a raid.");
        assertThat(draft.section()).isEqualTo("syria");
        assertThat(draft.tags()).containsExactly("syria");
        assertThat(draft.body()).isEqualTo("""
                US special troops chased down high-ranking terrorists.

                The goals of the operation were not immediately clear.""");
    }

    @Test
    void shouldTakeFirstLineAsTitleWhenThereIsNoLayout() {
        ArticleDraft draft = parser.parse("""
                Ad sales slump hits owner of ITV
                Profits at the owner of ITV fell by a fifth in the first half of the year.
                Advertising revenues dropped as the economy slowed.""");

        assertThat(draft.title()).isEqualTo("Ad sales slump hits owner of ITV");
        assertThat(draft.section()).isNull();
        assertThat(draft.body()).startsWith("Profits at the owner").contains("economy slowed.");
    }

    @Test
    void shouldNotTakeAShortFirstSentenceForATagLine() {
        ArticleDraft draft = parser.parse("""
                Markets rally

                Shares rose sharply.

                Bonds fell.""");

        assertThat(draft.section()).isNull();
        assertThat(draft.body()).startsWith("Shares rose sharply.");
    }

    @Test
    void shouldSplitSeveralTagsOnCommas() {
        ArticleDraft draft = parser.parse("Title\n\nWorld, Middle East\n\nBody text here.");

        assertThat(draft.tags()).containsExactly("World", "Middle East");
        assertThat(draft.section()).isEqualTo("world");
    }

    @Test
    void shouldNormalizeLineBreaksSpacesAndUnicode() {
        ArticleDraft draft = parser.parse("Cafe\u0301 owners\r\n\r\nThe\u00a0caf\u00e9   was\tflooded.\u200b\r\n");

        assertThat(draft.title()).isEqualTo("Café owners");
        assertThat(draft.body()).isEqualTo("The café was flooded.");
    }

    @Test
    void shouldRejectEmptyText() {
        assertThatThrownBy(() -> parser.parse(" \n\n\t\n"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void shouldRejectTitleWithoutBody() {
        assertThatThrownBy(() -> parser.parse("Only a headline\n\nExit mobile version"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("no body");
    }

    @Test
    void shouldParseTheReferenceArticleWhenTheCorpusIsPresent() throws IOException {
        Path seed = Path.of("../shared/corpora/seed/000_3b0c83eb93a1357c.txt");
        Assumptions.assumeTrue(Files.exists(seed), "reference corpus not present at " + seed.toAbsolutePath());

        ArticleDraft draft = parser.parse(Files.readString(seed, StandardCharsets.UTF_8));

        assertThat(draft.title()).isEqualTo("In Northwestern Syria, US Special Forces carried out a raid.");
        assertThat(draft.section()).isEqualTo("syria");
        assertThat(draft.body()).startsWith("US special troops chased down")
                .endsWith("have stayed virtually constant since early 2020.")
                .doesNotContain("Exit mobile version");
    }
}
