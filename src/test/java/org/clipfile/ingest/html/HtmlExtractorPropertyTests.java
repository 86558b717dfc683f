package org.clipfile.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;

/** Whatever arrives, the extractor answers with a draft or an InvalidArticleException, and quickly. */
class HtmlExtractorPropertyTests {
    /** Generous: a few ms is typical; this only catches hangs and super-linear blow-ups. */
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
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

    @Property(tries = 300)
    void shouldAnswerAnyStringWithADraftOrAnInvalidArticle(@ForAll @Size(max = 3000) String text) {
        assertDraftOrInvalidInTime(() -> extractor.extract(text, null));
    }

    @Property(tries = 300)
    void shouldAnswerAnyBytesWithADraftOrAnInvalidArticle(@ForAll @Size(max = 3000) byte[] bytes) {
        assertDraftOrInvalidInTime(() -> extractor.extract(bytes, "https://news.example/a"));
    }

    @Property(tries = 300)
    void shouldAnswerTagSoupWithADraftOrAnInvalidArticle(@ForAll("tagSoup") String html) {
        assertDraftOrInvalidInTime(() -> extractor.extract(html, "https://news.example/a"));
    }

    @Property(tries = 20)
    void shouldAnswerDeeplyNestedPagesInTime(@ForAll @IntRange(min = 1, max = 100_000) int depth,
            @ForAll("openingTags") String tag) {
        String html = tag.repeat(depth) + "The harbour wall, at last, is finished and the fleet is safe.";

        assertDraftOrInvalidInTime(() -> extractor.extract(html, null));
    }

    @Provide
    Arbitrary<String> tagSoup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(400).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> openingTags() {
        return Arbitraries.of("<div>", "<b>", "<p>", "<li>", "<table><tr><td>", "<a href=x>", "<span class=share>");
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
