package org.clipfile.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.testsupport.RandomInputs;
import org.junit.jupiter.api.Test;

/** Whatever arrives, the extractor answers with a draft or an InvalidArticleException, and quickly. */
class HtmlExtractorPropertyTests {
    /**
     * A hang guard, not a speed claim: tens of ms are typical, but a loaded 2-core machine stretches the deepest
     * pages to seconds; a quadratic blow-up on 100,000 nested tags would take far longer.
     */
    private static final Duration PER_INPUT = Duration.ofSeconds(20);
    private static final List<String> FRAGMENTS = List.of("<div>", "</div>", "<p>", "</p>", "<br>", "<a href='/x'>",
            "</a>", "<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li></ul>", "<script>", "</script>",
            "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<h1>", "</h1>", "<article>", "</article>",
            "<nav class='menu'>", "<div class='share comments'>", "<meta charset='utf-16'>",
            "<meta property='article:published_time' content='2024-99-99'>",
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[[{}]]", "<title>", "&amp;",
            "&#0;", "&#x110000;", "\u0000", "\uFEFF", "\u202E", "\uD800", " ", "\n", "The harbour wall, at last, ",
            "is finished.", "Advertisement", "By ", "July 24, 2015", "<time datetime='2015-07-24'>", "<pre>",
            "<html lang='@@'>", "<link rel=canonical href='::bad url'>", "<base href='javascript:x'>");

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    @Test
    void shouldAnswerAnyStringWithADraftOrAnInvalidArticle() {
        RandomInputs.forAll(300, r -> r.anyChars(3000),
                text -> assertDraftOrInvalidInTime(() -> extractor.extract(text, null)));
    }

    @Test
    void shouldAnswerAnyBytesWithADraftOrAnInvalidArticle() {
        RandomInputs.forAll(300, r -> r.bytes(3000),
                bytes -> assertDraftOrInvalidInTime(() -> extractor.extract(bytes, "https://news.example/a")));
    }

    @Test
    void shouldAnswerTagSoupWithADraftOrAnInvalidArticle() {
        RandomInputs.forAll(300, r -> r.concat(FRAGMENTS, 0, 400),
                html -> assertDraftOrInvalidInTime(() -> extractor.extract(html, "https://news.example/a")));
    }

    @Test
    void shouldAnswerDeeplyNestedPagesInTime() {
        RandomInputs.forAll(20, r -> r.pick("<div>", "<b>", "<p>", "<li>", "<table><tr><td>", "<a href=x>",
                "<span class=share>").repeat(r.between(1, 100_000))
                + "The harbour wall, at last, is finished and the fleet is safe.",
                html -> assertDraftOrInvalidInTime(() -> extractor.extract(html, null)));
    }

    private static void assertDraftOrInvalidInTime(Supplier<ArticleDraft> extraction) {
        long start = System.nanoTime();
        try {
            ArticleDraft draft = extraction.get();
            assertThat(draft.body()).isNotBlank();
            assertThat(draft.title()).isNotBlank();
        } catch (InvalidArticleException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PER_INPUT);
    }
}
