package org.clipfile.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clipfile.ingest.html.HtmlPages.PARAGRAPH_1;
import static org.clipfile.ingest.html.HtmlPages.PARAGRAPH_2;
import static org.clipfile.ingest.html.HtmlPages.PARAGRAPH_3;
import static org.clipfile.ingest.html.HtmlPages.page;
import static org.clipfile.ingest.html.HtmlPages.withStory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.clipfile.article.ArticleDraft;
import org.clipfile.ingest.InvalidArticleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlArticleExtractorTests {
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    private ArticleDraft extract(HtmlPages page) {
        return extractor.extract(page.html(), "https://news.example/2024/05/breakwater");
    }

    @Test
    void shouldSeparateArticleParagraphsWithBlankLines() {
        ArticleDraft draft = extract(withStory());

        assertThat(draft.body()).isEqualTo(PARAGRAPH_1 + "\n\n" + PARAGRAPH_2 + "\n\n" + PARAGRAPH_3);
    }

    @Test
    void shouldKeepHeadingsListItemsAndLineBreaksInsideTheArticle() {
        ArticleDraft draft = extract(withStory()
                .inArticle("<h2>What happens next</h2>")
                .inArticle("<ul><li>Inspection of the foundations, in February</li><li>Opening, in March</li></ul>")
                .paragraph("Harbour Office<br>1 Quay Street"));

        assertThat(draft.body().split("\n\n")).endsWith("What happens next",
                "Inspection of the foundations, in February", "Opening, in March", "Harbour Office\n1 Quay Street");
    }

    @Test
    void shouldDropNavigationMenusHeaderAndFooter() {
        ArticleDraft draft = extract(withStory()
                .before("<header class=\"site-header\"><a href=\"/\">Coast Gazette home</a></header>")
                .before("<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>")
                .before("<div class=\"menu\"><a href=\"/a\">Politics</a> <a href=\"/b\">Business</a></div>")
                .after("<footer><p>Copyright Coast Gazette, all rights reserved, 2024.</p></footer>"));

        assertThat(draft.body()).doesNotContain("Coast Gazette", "News", "Sport", "Politics", "Copyright")
                .contains(PARAGRAPH_1, PARAGRAPH_3);
    }

    @Test
    void shouldDropShareRelatedCommentsCookieAndNewsletterBlocks() {
        ArticleDraft draft = extract(withStory()
                .inArticle("<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>")
                .inArticle("<div class=\"newsletter-signup\"><p>Get the morning briefing, every day, free.</p></div>")
                .after("<section class=\"related-stories\"><h3>More from the coast</h3><ul>"
                        + "<li><a href=\"/1\">Lighthouse keeper retires after forty years on the rock</a></li>"
                        + "<li><a href=\"/2\">Ferry timetable changes for the winter season</a></li></ul></section>")
                .after("<div id=\"comments\"><p>Reader one: This wall should have been built years ago, frankly, "
                        + "and everyone in town knew it.</p><p>Reader two: Agreed, but who pays for it?</p></div>")
                .after("<div class=\"cookie-banner\"><p>We use cookies to improve your experience, measure "
                        + "traffic and show ads.</p></div>"));

        assertThat(draft.body()).doesNotContain("Share on Facebook", "morning briefing", "Lighthouse", "Ferry",
                "Reader one", "cookies");
        assertThat(draft.body().split("\n\n")).hasSize(3);
    }

    @Test
    void shouldJoinAnArticleSplitAcrossRepeatedWrappers() {
        String longer = PARAGRAPH_2 + " " + PARAGRAPH_3 + " " + PARAGRAPH_1;
        String html = "<body><div class=\"page\"><div class=\"story-part\"><div class=\"text\"><p>" + PARAGRAPH_1
                + "</p></div></div><div class=\"ad-slot\">Advertisement</div><div class=\"story-part\"><div class=\"text\">"
                + "<p>" + longer + "</p><p>" + longer + "</p><p>" + longer + "</p></div></div></div></body>";

        ArticleDraft draft = extractor.extract(html, null);

        assertThat(draft.body()).startsWith(PARAGRAPH_1).endsWith(longer).doesNotContain("Advertisement");
    }

    @Test
    void shouldKeepParagraphsThatEachSitInTheirOwnDiv() {
        String longer = PARAGRAPH_2 + " " + PARAGRAPH_3 + " " + PARAGRAPH_1;
        String html = "<body><div id=\"story\"><div class=\"par1\"><p>" + PARAGRAPH_1 + "</p></div><div class=\"par2\"><p>"
                + longer + "</p><p>" + longer + "</p><p>" + longer + "</p><p>" + longer + "</p></div></div>"
                + "<div class=\"sidebar\"><p>Most read today, across the whole site</p></div></body>";

        ArticleDraft draft = extractor.extract(html, null);

        assertThat(draft.body()).startsWith(PARAGRAPH_1).doesNotContain("Most read");
    }

    @Test
    void shouldDropACommentFormNamedByItsIdEvenWhenItsClassSaysPost() {
        ArticleDraft draft = extract(withStory().inArticle("<div class=\"box post_form\" id=\"comment_form_container_7\">"
                + "<div class=\"form-legal\"><span>Comments are the opinion of readers, not of the paper, and insults, "
                + "threats or libel will be removed by the editors without notice.</span></div></div>"));

        assertThat(draft.body()).contains(PARAGRAPH_3).doesNotContain("opinion of readers");
    }

    @Test
    void shouldKeepAFormulaWhoseWrapperClassLooksLikeAMenu() {
        ArticleDraft draft = extract(withStory().paragraph("The physicist wrote the famous relation "
                + "<span class=\"MathJax CtxtMenu_Attached_0\"><math><mi>E</mi><mo>=</mo><mi>m</mi>"
                + "<msup><mi>c</mi><mn>2</mn></msup></math></span> on the harbour wall, in chalk, for the children."));

        assertThat(draft.body()).contains("relation E=mc2 on the harbour wall");
    }

    @Test
    void shouldTakeTheMarkedArticleBodyWhenABoxInsideItOutscoresTheStory() {
        StringBuilder slides = new StringBuilder("<div><h3>Pictures of the week</h3><div class=\"legends\">");
        for (int i = 1; i <= 16; i++) {
            slides.append("<p>").append(i).append("/16 A boat, a net, a gull, a lamp and a rope on the quay, photographed "
                    + "at dawn by a reader, who sent it in, with thanks, from the old town.</p>");
        }
        slides.append("</div></div>");
        String story = "<div><p>" + PARAGRAPH_1 + " The works were paid for by the region.</p><p>" + PARAGRAPH_2
                + " Their association will meet the council in May.</p><p>" + PARAGRAPH_3
                + " A ceremony is planned for the spring.</p></div>";
        ArticleDraft draft = extract(page().before("<div itemprop=\"articleBody\">" + story + slides + "</div>"));

        assertThat(draft.body()).contains(PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3);
    }

    @Test
    void shouldDropScriptsStylesAndKnownJunkLines() {
        ArticleDraft draft = extract(withStory()
                .inArticle("<script>var tracking = 'Tracking code text that is long';</script>")
                .inArticle("<style>.x { color: red }</style>")
                .inArticle("<p>Advertisement</p>"));

        assertThat(draft.body()).doesNotContain("tracking", "color", "Advertisement");
    }

    @Test
    void shouldNotRepeatTheHeadlineOrBylineInTheBody() {
        ArticleDraft draft = extract(page()
                .inArticle("<h1>New breakwater to shield fishing fleet</h1>")
                .inArticle("<p class=\"byline\">By Ana Lopes</p>")
                .paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.title()).isEqualTo("New breakwater to shield fishing fleet");
        assertThat(draft.byline()).isEqualTo("Ana Lopes");
        assertThat(draft.body()).startsWith(PARAGRAPH_1).doesNotContain("breakwater to shield", "Ana Lopes");
    }

    @Test
    void shouldCutTheDatelineOffABylineOnThePage() {
        ArticleDraft draft = extract(withStory().before("<div class=\"byline\">By Ana Lopes May 20, 2019</div>"));

        assertThat(draft.byline()).isEqualTo("Ana Lopes");
    }

    @Test
    void shouldNotTakeAMenuWithAnAuthorClassForAByline() {
        ArticleDraft draft = extract(withStory().before("<div class=\"author-menu\">Sign in | Sign up | Subscribe to "
                + "our daily newsletter for all the news</div>"));

        assertThat(draft.byline()).isNull();
    }

    @Test
    void shouldKeepTheStandfirstFromTheArticleHeaderButNotItsTitleOrByline() {
        ArticleDraft draft = extract(page()
                .inArticle("<header><h1>New breakwater to shield fishing fleet</h1><p class=\"standfirst\">The wall took "
                        + "three years and ten million to build.</p><div class=\"byline\">By Ana Lopes</div></header>")
                .paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.body()).startsWith("The wall took three years and ten million to build.\n\n" + PARAGRAPH_1)
                .doesNotContain("Ana Lopes", "shield fishing fleet");
    }

    @Test
    void shouldReadHeadlineAuthorsDateSectionAndKeywordsFromJsonLd() {
        ArticleDraft draft = extract(withStory().head("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Coast Gazette"},
                  {"@type": ["NewsArticle"], "headline": "Breakwater finished after three years",
                   "author": [{"@type": "Person", "name": "Ana Lopes"}, {"@type": "Person", "name": "Tom Reed"}],
                   "datePublished": "2024-05-14T09:30:00+02:00", "articleSection": "Local",
                   "keywords": "harbour, fishing", "publisher": {"@type": "Organization", "name": "Coast Gazette"}}]}
                </script>"""));

        assertThat(draft.title()).isEqualTo("Breakwater finished after three years");
        assertThat(draft.byline()).isEqualTo("Ana Lopes, Tom Reed");
        assertThat(draft.published()).isEqualTo(Instant.parse("2024-05-14T07:30:00Z"));
        assertThat(draft.section()).isEqualTo("Local");
        assertThat(draft.tags()).containsExactly("harbour", "fishing");
        assertThat(draft.source()).isEqualTo("Coast Gazette");
    }

    @Test
    void shouldReadAuthorGivenAsPlainStringInJsonLd() {
        ArticleDraft draft = extract(withStory().head("<script type=\"application/ld+json\"><![CDATA["
                + "{\"@type\": \"Article\", \"headline\": \"Wall done\", \"author\": \"Ana Lopes\"}]]></script>"));

        assertThat(draft.byline()).isEqualTo("Ana Lopes");
    }

    @Test
    void shouldIgnoreBrokenJsonLd() {
        ArticleDraft draft = extract(withStory()
                .head("<title>Wall done</title><script type=\"application/ld+json\">{\"headline\": </script>"));

        assertThat(draft.title()).isEqualTo("Wall done");
    }

    @Test
    void shouldReadOpenGraphAndArticleMetaTags() {
        ArticleDraft draft = extract(withStory().head("""
                <meta property="og:title" content="Breakwater finished">
                <meta property="og:site_name" content="Coast Gazette">
                <meta property="article:published_time" content="2024-05-14T09:30:00Z">
                <meta property="article:section" content="Local">
                <meta property="article:tag" content="harbour"><meta property="article:tag" content="fishing">
                <meta property="article:author" content="https://news.example/authors/ana">
                <meta name="author" content="Ana Lopes">
                <meta property="og:locale" content="en_GB">"""));

        assertThat(draft.title()).isEqualTo("Breakwater finished");
        assertThat(draft.source()).isEqualTo("Coast Gazette");
        assertThat(draft.published()).isEqualTo(Instant.parse("2024-05-14T09:30:00Z"));
        assertThat(draft.section()).isEqualTo("Local");
        assertThat(draft.tags()).containsExactly("harbour", "fishing");
        assertThat(draft.byline()).isEqualTo("Ana Lopes");
        assertThat(draft.language()).isEqualTo("en-GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<meta property=\"og:published_time\" content=\"2024-05-14T09:30:00Z\">",
        "<meta name=\"sailthru.date\" content=\"2024-05-14 09:30:00\">",
        "<meta name=\"parsely-pub-date\" content=\"2024-05-14T09:30:00Z\">",
        "<meta name=\"DC.date.issued\" content=\"2024-05-14\">",
        "<meta name=\"pubdate\" content=\"20240514\">",
        "<meta itemprop=\"datePublished\" content=\"2024-05-14T09:30:00+00:00\">"})
    void shouldReadThePublishedDateFromCommonMetaNames(String meta) {
        ArticleDraft draft = extract(withStory().head(meta));

        assertThat(draft.published()).isNotNull();
        assertThat(draft.published().toString()).startsWith("2024-05-14");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<meta name=\"author\" content=\"By Ana Lopes\">",
        "<meta property=\"article:author\" content=\"Ana Lopes\">",
        "<a rel=\"author\" href=\"/people/ana\">Ana Lopes</a>",
        "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Ana Lopes</span></span>"})
    void shouldReadTheBylineFromEachSource(String markup) {
        ArticleDraft draft = extract(withStory().head(markup.startsWith("<meta") ? markup : "")
                .before(markup.startsWith("<meta") ? "" : markup));

        assertThat(draft.byline()).isEqualTo("Ana Lopes");
    }

    @Test
    void shouldStripAKnownSiteNameAndUseOgUrlWithoutCanonical() {
        ArticleDraft draft = extract(withStory().head("<title>Breakwater finished - Coast Gazette</title>"
                + "<meta property=\"og:site_name\" content=\"Coast Gazette\">"
                + "<meta property=\"og:url\" content=\"https://news.example/local/breakwater\">"));

        assertThat(draft.title()).isEqualTo("Breakwater finished");
        assertThat(draft.url()).isEqualTo("https://news.example/local/breakwater");
    }

    @Test
    void shouldStripTheSiteNameFromTheTitleTagWhenTheH1AgreesWithoutIt() {
        ArticleDraft draft = extract(page().head("<title>Breakwater finished | Coast Gazette</title>")
                .before("<h1>Breakwater finished</h1>").paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.title()).isEqualTo("Breakwater finished");
    }

    @Test
    void shouldPreferTheDeclaredHeadlineOverADifferentH1WhenTheTitleTagBacksTheDeclaredOne() {
        ArticleDraft draft = extract(page().head("<title>Harbour gets its wall back - Coast Gazette</title>"
                        + "<meta property=\"og:site_name\" content=\"Coast Gazette\">"
                        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + "\"headline\":\"Harbour gets its wall back\"}</script>"
                        + "<meta property=\"og:title\" content=\"Breakwater finished at last\">")
                .before("<h1>Breakwater finished at last</h1>").paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.title()).isEqualTo("Harbour gets its wall back");
    }

    @Test
    void shouldPreferTheOpenGraphTitleOverAnH1ThatTheTitleTagDoesNotBack() {
        ArticleDraft draft = extract(page().head("<title>Coast Gazette: local news</title>"
                        + "<meta property=\"og:title\" content=\"Breakwater finished at last\">"
                        + "<meta name=\"twitter:title\" content=\"Why the harbour waited ten years\">")
                .before("<h1>Why the harbour waited ten years</h1>").paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.title()).isEqualTo("Breakwater finished at last");
    }

    @Test
    void shouldTakeTheHeadlineThatTheTitleTagAndH1AgreeOnOverAGenericDeclaredTitle() {
        ArticleDraft draft = extract(page().head("<title>Breakwater finished at last</title>"
                        + "<meta property=\"og:title\" content=\"Coast Gazette - Latest News &amp; Headlines\">")
                .before("<h1>Breakwater finished at last</h1>").paragraph(PARAGRAPH_1).paragraph(PARAGRAPH_2));

        assertThat(draft.title()).isEqualTo("Breakwater finished at last");
    }

    @Test
    void shouldStripAShortSiteSuffixWithoutAnH1() {
        ArticleDraft draft = extract(withStory().head("<title>New breakwater shields the fishing fleet - Gazette</title>"));

        assertThat(draft.title()).isEqualTo("New breakwater shields the fishing fleet");
    }

    @Test
    void shouldTakeDateFromTimeElementThenFromAVisibleDateline() {
        ArticleDraft timed = extract(withStory().before("<time datetime=\"2023-11-02\">2 Nov</time>"));
        ArticleDraft datelined = extract(withStory().before("<span class=\"date\">Posted July 24, 2015 5:36 PM EDT</span>"));

        assertThat(timed.published()).isEqualTo(Instant.parse("2023-11-02T00:00:00Z"));
        assertThat(datelined.published()).isEqualTo(Instant.parse("2015-07-24T21:36:00Z"));
    }

    @Test
    void shouldResolveARelativeCanonicalUrlAndFallBackToTheSourceUrl() {
        ArticleDraft canonical = extract(withStory().head("<link rel=\"canonical\" href=\"/local/breakwater\">"));
        ArticleDraft plain = extract(withStory());

        assertThat(canonical.url()).isEqualTo("https://news.example/local/breakwater");
        assertThat(plain.url()).isEqualTo("https://news.example/2024/05/breakwater");
    }

    /** Finding 15: a page's canonical link was stored and shown to every client whatever its scheme. */
    @Test
    void shouldKeepOnlyHttpAndHttpsLinksFromAPage() {
        ArticleDraft scripted = extract(withStory().head("<link rel=\"canonical\" href=\"javascript:alert(1)\">"));
        ArticleDraft data = extract(withStory().head("<meta property=\"og:url\" content=\"data:text/html,x\">"));
        ArticleDraft noSource = extractor.extract(withStory().head(
                "<link rel=\"canonical\" href=\"JavaScript:alert(1)\">").html(), "javascript:alert(2)");

        assertThat(scripted.url()).isEqualTo("https://news.example/2024/05/breakwater");
        assertThat(data.url()).isEqualTo("https://news.example/2024/05/breakwater");
        assertThat(noSource.url()).isNull();
    }

    @Test
    void shouldReadTheLanguageFromTheHtmlElement() {
        ArticleDraft draft = extract(withStory().htmlAttributes("lang=\"pt-BR\""));

        assertThat(draft.language()).isEqualTo("pt-BR");
    }

    @Test
    void shouldDecodeWindows1252BytesThatAreNotUtf8() {
        byte[] html = ("<html><body><article><p>" + PARAGRAPH_1 + " The mayor said: \u201Cit is done\u201D "
                + "and paid \u20AC5 for caf\u00E9.</p><p>" + PARAGRAPH_2 + "</p></article></body></html>")
                .getBytes(HtmlCharsets.WINDOWS_1252);

        ArticleDraft draft = extractor.extract(html, null);

        assertThat(draft.body()).contains("\u201Cit is done\u201D", "\u20AC5", "caf\u00E9");
    }

    @Test
    void shouldHonourADeclaredLatin1CharsetAsWindows1252() {
        byte[] html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body><p>" + PARAGRAPH_1 + " Na\u00EFve \u2014 r\u00E9sum\u00E9.</p></body></html>")
                .getBytes(HtmlCharsets.WINDOWS_1252);

        assertThat(extractor.extract(html, null).body()).contains("Na\u00EFve \u2014 r\u00E9sum\u00E9.");
    }

    @Test
    void shouldSkipAUtf8ByteOrderMark() {
        byte[] text = ("<p>" + PARAGRAPH_1 + " Z\u00FCrich.</p>").getBytes(StandardCharsets.UTF_8);
        byte[] html = new byte[text.length + 3];
        html[0] = (byte) 0xEF;
        html[1] = (byte) 0xBB;
        html[2] = (byte) 0xBF;
        System.arraycopy(text, 0, html, 3, text.length);

        assertThat(extractor.extract(html, null).body()).isEqualTo(PARAGRAPH_1 + " Z\u00FCrich.");
    }

    @Test
    void shouldExtractFromMalformedHtml() {
        String html = "<html><body><div class=content><p>" + PARAGRAPH_1 + "<p>" + PARAGRAPH_2
                + "<div><b>unclosed <i>tags</div></span></p></table>" + "<p>" + PARAGRAPH_3;

        ArticleDraft draft = extractor.extract(html, null);

        assertThat(draft.body()).contains(PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3, "unclosed tags");
    }

    @Test
    void shouldUseTheFirstLineAsTitleWhenThePageHasNone() {
        ArticleDraft draft = extractor.extract("<p>" + PARAGRAPH_1 + "</p>", null);

        assertThat(draft.title()).isEqualTo(PARAGRAPH_1);
    }

    @Test
    void shouldRejectEmptyAndBlankPages() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], null))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> extractor.extract("  \n ", null))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldRejectBinaryData() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> extractor.extract(png, null))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("binary");
    }

    @Test
    void shouldRejectAPageWithoutArticleText() {
        String html = "<html><head><title>Home</title><script>var a = 'lots of script text here';</script></head>"
                + "<body><nav><a href=\"/\">Home</a></nav><img src=\"a.png\"></body></html>";

        assertThatThrownBy(() -> extractor.extract(html, null))
                .isInstanceOf(InvalidArticleException.class).hasMessageContaining("no article text");
    }
}
