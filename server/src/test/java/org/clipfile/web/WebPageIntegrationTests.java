package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clipfile.index.ArticleIndex;
import org.clipfile.testsupport.Chromium;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The search page in a real browser: Debian's Chromium, headless, driven by Selenium against the whole server on a
 * real Elasticsearch holding the sample articles and one hostile article. Chromium and chromedriver must be
 * installed ({@code apt-get install chromium chromium-driver}, as {@code .ci/run} does); without them the tests fail.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-webpage")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageIntegrationTests {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String HOSTILE_TITLE = "Hostile harbour <script>alert(1)</script> notice";
    static final String HOSTILE_BODY_TEXT = "<img src=x onerror=alert(1)>";
    static final String HOSTILE_SOURCE = "Evil <script>alert(2)</script> Wire";

    @LocalServerPort
    int port;

    @Autowired
    ArticleIndex index;

    Http http;
    WebDriver browser;
    int samples;

    @BeforeAll
    void indexArticlesAndStartTheBrowser() throws IOException {
        http = new Http(port);
        index.ensureExists();
        // The journalist the page logs in as when the server asks (a reader: search, read, export).
        Http.Response user = http.post("/api/users", "application/json", """
                {"username": "%s", "password": "%s", "role": "reader"}""".formatted(USERNAME, PASSWORD));
        assertThat(user.status()).as(user.body()).isIn(201, 409);
        try (InputStream in = getClass().getResourceAsStream("/samples/articles.ndjson")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank()) {
                    assertThat(http.post("/api/articles", "application/json", line).status()).isBetween(200, 201);
                    samples++;
                }
            }
        }
        String hostile = """
                {"title": "%s", "body": "Harbour master John Kirby said in Rotterdam: %s and \
                <script>alert(3)</script> and <img src=y onerror=window.pwned=1> are not welcome here. \
                The Red Cross agreed.", "published": "2024-09-02T10:00:00Z", "source": "%s", \
                "section": "europe", "byline": "<b onmouseover=alert(4)>Mallory</b>", "language": "en", \
                "tags": ["<i>tag</i>"]}""".formatted(HOSTILE_TITLE.replace("\"", "\\\""),
                HOSTILE_BODY_TEXT, HOSTILE_SOURCE);
        assertThat(http.post("/api/articles", "application/json", hostile).status()).isBetween(200, 201);
        browser = Chromium.start("chromium-profile-", Map.of("download.default_directory",
                Files.createDirectories(Path.of("target", "downloads").toAbsolutePath()).toString()));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void laptopWindow() {
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static final String USERNAME = "journalist";
    static final String PASSWORD = "journalist-reads-the-archive";

    /** The one place that logs in when the server asks for it. */
    void logInIfAsked() {
        List<WebElement> dialogs = browser.findElements(By.cssSelector("#login-dialog[open]"));
        if (dialogs.isEmpty()) {
            return;
        }
        String user = System.getProperty("clipfile.test.username", USERNAME);
        String password = System.getProperty("clipfile.test.password", PASSWORD);
        try {
            WebElement name = browser.findElement(By.id("login-username"));
            WebElement secret = browser.findElement(By.id("login-password"));
            if (!name.isDisplayed() || !name.isEnabled() || !secret.isEnabled()) {
                return;
            }
            name.clear();
            name.sendKeys(user);
            secret.clear();
            secret.sendKeys(password);
            browser.findElement(By.id("login-submit")).click();
        } catch (org.openqa.selenium.InvalidElementStateException
                | org.openqa.selenium.StaleElementReferenceException e) {
            // The dialog is opening, closing or busy with the previous attempt (not interactable, or "invalid
            // element state" while it changes): the caller polls again.
        }
    }

    String readyToken() {
        return browser.findElement(By.tagName("body")).getDomAttribute("data-ready");
    }

    /** Does something that makes the page render again, and waits until it has. */
    void andWait(Runnable action) {
        String before = readyToken();
        action.run();
        waitFor(() -> {
            logInIfAsked();
            String now = readyToken();
            return now != null && !now.equals(before);
        });
        assertNoErrorShown();
    }

    /** The page shows API errors in #message; none is expected unless a test asks for one. */
    void assertNoErrorShown() {
        WebElement message = browser.findElement(By.id("message"));
        if (message.isDisplayed()) {
            fail("The page shows an error: " + message.getText());
        }
    }

    void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        waitFor(() -> {
            logInIfAsked();
            return readyToken() != null;
        });
        assertNoErrorShown();
    }

    void waitFor(Supplier<Boolean> condition) {
        // The page draws its lists again when an answer arrives: an element read meanwhile is stale, not wrong.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(b -> condition.get());
    }

    void search(String query) {
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(query);
        andWait(() -> browser.findElement(By.id("search-button")).click());
    }

    long total() {
        return Long.parseLong(browser.findElement(By.id("summary")).getDomAttribute("data-total"));
    }

    List<String> hitTitles() {
        return browser.findElements(By.cssSelector("#results .hit-title")).stream().map(WebElement::getText).toList();
    }

    String currentQuery() {
        String url = browser.getCurrentUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : URLDecoder.decode(url.substring(q + 1), StandardCharsets.UTF_8);
    }

    String rawQuery() {
        String url = browser.getCurrentUrl();
        return url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    void screenshot(String name) throws IOException {
        script("window.scrollTo(0, 0)");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    void assertNoScriptRan() {
        try {
            String text = browser.switchTo().alert().getText();
            fail("An alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no alert: nothing from an article ran
        }
        assertThat(script("return window.pwned === undefined && document.querySelectorAll("
                + "'img[src=x], img[src=y], main script, b[onmouseover]').length === 0")).isEqualTo(true);
    }

    long apiTotal(String query) {
        JsonNode result = http.get("/api/search?size=1" + (query.isEmpty() ? "" : "&" + query)).json();
        return result.get("total").asLong();
    }

    // ---- tests --------------------------------------------------------------------------------------------------

    @Test
    void shouldSearchShowHighlightsAndKeepTheStateInTheUrl() throws IOException {
        open("/");
        assertThat(total()).isEqualTo(samples + 1);

        search("strike");

        assertThat(hitTitles()).anyMatch(t -> t.contains("Port strike in Rotterdam"));
        assertThat(browser.findElements(By.cssSelector("#results mark"))).isNotEmpty()
                .allMatch(m -> m.getText().equalsIgnoreCase("strike"));
        assertThat(browser.findElements(By.cssSelector("#results .entity-chips a"))).isNotEmpty();
        assertThat(currentQuery()).isEqualTo("q=strike");
        screenshot("search");

        andWait(() -> new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort")))
                .selectByValue("newest"));
        assertThat(currentQuery()).contains("sort=newest");

        andWait(() -> browser.navigate().back());
        assertThat(currentQuery()).isEqualTo("q=strike");
        assertThat(browser.findElement(By.id("sort")).getDomProperty("value")).isEqualTo("relevance");
        andWait(() -> browser.navigate().back());
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEmpty();
        assertThat(total()).isEqualTo(samples + 1);
    }

    @Test
    void shouldPageAndLoadMoreResultsThroughACursor() {
        open("/?sort=oldest&size=3");
        List<String> firstPage = hitTitles();
        assertThat(firstPage).hasSize(3);

        browser.findElement(By.id("load-more")).click();
        waitFor(() -> hitTitles().size() == 6);
        browser.findElement(By.id("load-more")).click();
        waitFor(() -> hitTitles().size() == samples + 1);

        List<String> all = hitTitles();
        assertThat(all).doesNotHaveDuplicates().startsWith(firstPage.toArray(String[]::new));
        assertThat(browser.findElement(By.id("load-more")).isDisplayed()).isFalse();
        assertThat(currentQuery()).isEqualTo("sort=oldest&size=3");

        andWait(() -> browser.findElement(By.cssSelector("#pager a.page[href*='page=2']")).click());
        assertThat(currentQuery()).isEqualTo("sort=oldest&page=2&size=3");
        assertThat(hitTitles()).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("showing 4–6");
    }

    @Test
    void shouldTickAFacetValueAndCountOtherValuesUnderTheOtherSelections() throws IOException {
        open("/");
        WebElement europe = browser.findElement(By.cssSelector("#facet-section li[data-value='europe']"));
        long europeCount = Long.parseLong(europe.findElement(By.cssSelector(".count")).getText());
        assertThat(europeCount).isEqualTo(apiTotal("section=europe")).isGreaterThan(1);

        andWait(() -> browser.findElement(By.cssSelector("#facet-section input[data-value='europe']")).click());

        assertThat(total()).isEqualTo(europeCount);
        assertThat(currentQuery()).isEqualTo("section=europe");
        assertThat(browser.findElements(By.cssSelector("#results .hit .meta")))
                .hasSize((int) europeCount).allMatch(m -> m.getText().contains("europe"));
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("Sections: europe");
        // OR within a facet: the other sections keep their own counts while europe is selected.
        WebElement business = browser.findElement(By.cssSelector("#facet-section li[data-value='business']"));
        assertThat(Long.parseLong(business.findElement(By.cssSelector(".count")).getText()))
                .isEqualTo(apiTotal("section=business"));
        // AND across facets: the people listed are those of the European articles.
        for (WebElement person : browser.findElements(By.cssSelector("#facet-person li.facet-value"))) {
            String id = person.getDomAttribute("data-value");
            assertThat(Long.parseLong(person.findElement(By.cssSelector(".count")).getText()))
                    .isEqualTo(apiTotal("section=europe&person=" + Http.encode(id)));
        }
        screenshot("facet-selected");

        andWait(() -> browser.findElement(By.cssSelector("#facet-section input[data-value='business']")).click());
        assertThat(total()).isEqualTo(apiTotal("section=europe&section=business"));

        andWait(() -> browser.findElement(By.cssSelector(
                "#facet-section li[data-value='business'] button.exclude")).click());
        assertThat(currentQuery()).isEqualTo("section=europe&-section=business");
        assertThat(total()).isEqualTo(apiTotal("section=europe&-section=business"));
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("Sections: not business");

        andWait(() -> browser.findElement(By.id("clear-all")).click());
        assertThat(total()).isEqualTo(samples + 1);
        assertThat(browser.findElements(By.cssSelector("#active-filters .filter-chip"))).isEmpty();
    }

    @Test
    void shouldSearchWithinAFacetAndExpandThePlaceTree() {
        open("/");
        WebElement filter = browser.findElement(By.cssSelector("#facet-source .facet-filter"));
        filter.sendKeys("evil");
        waitFor(() -> browser.findElements(By.cssSelector("#facet-source li.facet-value")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#facet-source li.facet-value .name")).getText())
                .isEqualTo(HOSTILE_SOURCE);

        WebElement netherlands = browser.findElement(By.cssSelector("#facet-place li[data-value='place:country:NL']"));
        WebElement children = netherlands.findElement(By.cssSelector(".facet-children"));
        assertThat(children.isDisplayed()).isFalse();
        netherlands.findElement(By.cssSelector(".expander")).click();
        assertThat(children.isDisplayed()).isTrue();
        WebElement region = children.findElement(By.cssSelector("li.facet-value"));
        assertThat(region.getDomAttribute("data-value")).startsWith("place:region:NL.");
        WebElement cities = region.findElement(By.cssSelector(".facet-children"));
        assertThat(cities.isDisplayed()).isFalse();
        region.findElement(By.cssSelector(".expander")).click();
        assertThat(cities.getText()).contains("Rotterdam");
    }

    @Test
    void shouldFindAResolvedPlaceByItsNameWithinThePlaceFacet() {
        open("/");
        browser.findElement(By.cssSelector("#facet-place .facet-filter")).sendKeys("rotterd");

        waitFor(() -> browser.findElements(By.cssSelector("#facet-place li.facet-value .name")).stream()
                .anyMatch(name -> name.getText().equals("Rotterdam")));
        assertThat(browser.findElements(By.cssSelector("#facet-place li.facet-value")))
                .allMatch(li -> li.getDomAttribute("data-value").startsWith("place:"));
    }

    @Test
    void shouldSayWhenNoArticleHasAllTheWordsOfALongQuestion() {
        open("/?q=" + Http.encode("what did the harbour master say about zyxwqvine"));

        assertThat(browser.findElement(By.id("relaxed")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("relaxed")).getText())
                .isEqualTo("No article has all the words; showing those with most of them");
        assertThat(browser.findElements(By.cssSelector("#results .hit-title"))).isNotEmpty();

        search("harbour master");
        assertThat(browser.findElement(By.id("relaxed")).isDisplayed()).isFalse();
    }

    @Test
    void shouldFilterByDraggingAcrossTheHistogram() throws IOException {
        open("/");
        List<WebElement> targets = browser.findElements(By.cssSelector("#histogram .bar-target"));
        List<WebElement> bars = browser.findElements(By.cssSelector("#histogram .bar"));
        assertThat(targets).hasSizeGreaterThan(3);
        long expected = 0;
        for (int i = 0; i <= 2; i++) {
            expected += Long.parseLong(bars.get(i).getDomAttribute("data-count"));
        }
        long inRange = expected;
        assertThat(inRange).isPositive();

        andWait(() -> new Actions(browser).clickAndHold(targets.get(0)).moveToElement(targets.get(1))
                .moveToElement(targets.get(2)).release().perform());

        assertThat(currentQuery()).containsPattern("from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}");
        assertThat(total()).isEqualTo(inRange).isLessThan(samples + 1);
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("Dates:");
        assertThat(browser.findElements(By.cssSelector("#histogram .bar.selected"))).isNotEmpty();
        screenshot("dates-selected");
    }

    @Test
    void shouldFilterByClickingAMapCluster() throws IOException {
        open("/");
        List<WebElement> clusters = browser.findElements(By.cssSelector("#map .cluster"));
        assertThat(clusters).hasSizeGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#map path.country"))).hasSizeGreaterThan(100);
        screenshot("map");
        WebElement cluster = clusters.get(clusters.size() - 1);
        long count = Long.parseLong(cluster.getDomAttribute("data-count"));
        String firstPlace = cluster.getDomAttribute("aria-label").split("[,:]")[0];

        andWait(() -> new Actions(browser).moveToElement(cluster.findElement(By.tagName("circle"))).click().perform());

        String query = currentQuery();
        String chips = browser.findElement(By.id("active-filters")).getText();
        if (query.startsWith("bbox=")) {
            // A cell of several places filters by its rectangle: exactly the articles the circle counted.
            assertThat(total()).isEqualTo(count);
            assertThat(chips).contains("Map area");
        } else {
            // A cell of one place filters by that place (and everything in it).
            assertThat(query).startsWith("place=place:");
            assertThat(total()).isGreaterThanOrEqualTo(count);
            assertThat(chips).contains(firstPlace);
        }
        assertThat(total()).isLessThan(samples + 1).isEqualTo(apiTotal(rawQuery()));
    }

    @Test
    void shouldOpenAnArticleWithMarkedEntitiesAndFollowAnEntityLink() throws IOException {
        open("/?q=strike");
        andWait(() -> browser.findElement(By.cssSelector("#results .hit-title")).click());

        assertThat(currentQuery()).contains("article=");
        assertThat(browser.findElement(By.id("article-title")).getText()).contains("Port strike in Rotterdam");
        WebElement body = browser.findElement(By.id("article-body"));
        assertThat(body.getText()).contains("dock workers in Rotterdam");
        assertThat(body.findElements(By.cssSelector(".entity-place"))).isNotEmpty()
                .anyMatch(e -> e.getText().equals("Rotterdam"));
        assertThat(browser.findElement(By.cssSelector(".article-meta")).getText())
                .contains("Clipfile samples (fictional)").contains("Pieter de Vries");
        screenshot("article");

        WebElement rotterdamLink = browser.findElement(By.cssSelector(".article-side a.entity-filter.entity-place"));
        String placeId = rotterdamLink.getDomAttribute("data-entity");
        andWait(rotterdamLink::click);

        assertThat(currentQuery()).contains("place=" + placeId).doesNotContain("article=");
        assertThat(total()).isEqualTo(apiTotal("q=strike&place=" + Http.encode(placeId)));
        assertThat(hitTitles()).anyMatch(t -> t.contains("Port strike in Rotterdam"));

        andWait(() -> browser.navigate().back());
        assertThat(browser.findElement(By.id("article-title")).getText()).contains("Port strike in Rotterdam");
    }

    @Test
    void shouldShowAnEntityWithItsTimelineAndCooccurringEntities() throws IOException {
        open("/?entity=" + Http.encode("place:country:NL"));

        assertThat(browser.findElement(By.id("entity-name")).getText()).isEqualTo("Netherlands");
        assertThat(browser.findElements(By.cssSelector("#entity-view .histogram .bar"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#entity-view .cooccurring")).getText()).contains("Rotterdam");
        screenshot("entity");

        andWait(() -> browser.findElement(By.id("entity-search")).click());
        assertThat(total()).isEqualTo(apiTotal("place=place:country:NL"));
    }

    @Test
    void shouldShowTheVersionAndTheDataAttributionsInTheFooter() {
        open("/?q=strike");
        WebElement footer = browser.findElement(By.cssSelector("footer.bottom"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> !b.findElement(By.id("build-version")).getText().isBlank());

        assertThat(browser.findElement(By.id("build-version")).getText()).matches("\\S+ \\(built \\d{4}-\\d{2}-\\d{2}\\)");
        assertThat(footer.getText()).contains("GeoNames", "CC BY 4.0", "Natural Earth");
    }

    @Test
    void shouldOfferTheCurrentSearchForExport() {
        open("/?q=strike&section=business");
        for (String format : List.of("csv", "ndjson")) {
            String href = browser.findElement(By.id("export-" + format)).getDomAttribute("href");
            assertThat(href).startsWith("/api/export?").contains("format=" + format).contains("q=strike")
                    .contains("section=business");
            Http.Response export = http.get(href);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).contains("Port strike in Rotterdam").doesNotContain("Floodwaters");
        }
    }

    @Test
    void shouldSuggestPeopleWhileTypingAndFilterByTheOneChosen() {
        open("/");
        browser.findElement(By.id("q")).sendKeys("harbour kirb");
        waitFor(() -> !browser.findElements(By.cssSelector("#suggestions button[data-entity='person:john-kirby']"))
                .isEmpty());

        andWait(() -> browser.findElement(By.cssSelector("#suggestions button[data-entity='person:john-kirby']"))
                .click());

        assertThat(currentQuery()).isEqualTo("q=harbour&person=person:john-kirby");
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("People: John Kirby");
        assertThat(total()).isEqualTo(apiTotal("q=harbour&person=person:john-kirby")).isEqualTo(1);
    }

    @Test
    void shouldExplainQuerySyntaxErrorsAndOpenTheHelp() {
        open("/");
        browser.findElement(By.id("help-button")).click();
        assertThat(browser.findElement(By.id("help")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("help")).getText()).contains("\"special forces\"");

        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("talks \"cease fire");
        String before = readyToken();
        browser.findElement(By.id("search-button")).click();
        waitFor(() -> !before.equals(readyToken()) && readyToken() != null);

        WebElement message = browser.findElement(By.id("message"));
        assertThat(message.isDisplayed()).isTrue();
        assertThat(message.getText()).containsIgnoringCase("quote");
    }

    @Test
    void shouldShowAHostileArticleAsTextInEveryView() throws IOException {
        open("/?q=hostile");
        assertThat(hitTitles()).containsExactly(HOSTILE_TITLE);
        assertThat(browser.findElement(By.cssSelector("#results .snippet")).getText()).contains(HOSTILE_BODY_TEXT);
        assertThat(browser.findElement(By.id("facet-source")).getText()).contains(HOSTILE_SOURCE);
        assertNoScriptRan();
        screenshot("hostile-results");

        andWait(() -> browser.findElement(By.cssSelector("#facet-source input[type=checkbox]")).click());
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains(HOSTILE_SOURCE);
        assertNoScriptRan();

        andWait(() -> browser.findElement(By.cssSelector("#results .hit-title")).click());
        assertThat(browser.findElement(By.id("article-title")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.findElement(By.id("article-body")).getText()).contains(HOSTILE_BODY_TEXT)
                .contains("<script>alert(3)</script>").contains("<img src=y onerror=window.pwned=1>");
        assertThat(browser.findElement(By.cssSelector(".article-meta")).getText())
                .contains("<b onmouseover=alert(4)>Mallory</b>").contains(HOSTILE_SOURCE);
        assertNoScriptRan();
        screenshot("hostile-article");

        WebElement person = browser.findElement(By.cssSelector(".article-side a.profile"));
        andWait(person::click);
        assertThat(browser.findElement(By.cssSelector("#entity-view .latest")).getText()).contains(HOSTILE_TITLE);
        assertNoScriptRan();
    }

    @Test
    void shouldFitAPhoneScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/?q=rotterdam");
        WebElement facets = browser.findElement(By.id("facets"));
        assertThat(facets.isDisplayed()).isFalse();
        assertThat((Long) script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(
                (Long) script("return window.innerWidth"));
        screenshot("phone");
        browser.findElement(By.id("filters-toggle")).click();
        assertThat(facets.isDisplayed()).isTrue();
    }
}
