package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clipfile.testsupport.Chromium;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The search page in headless Chromium: a collapsed hit says how many copies its story has and expands into them
 * (source, date, what differs); an article whose page changed says "Updated n times" and shows what changed.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-copies-page", "clipfile.alerts.enabled=false"})
class CopiesPageIntegrationTests extends ArchiveServerTest {
    static final String USERNAME = "copyreader";
    static final String PASSWORD = "reads-every-copy-of-the-story";

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        Http.Response user = http.post("/api/users", "application/json", """
                {"username": "%s", "password": "%s", "role": "reader"}""".formatted(USERNAME, PASSWORD));
        assertThat(user.status()).as(user.body()).isIn(201, 409);
        browser = Chromium.start("chromium-copies-");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return Chromium.waiting(browser, Duration.ofSeconds(30));
    }

    private void openAndLogIn(String query, By shown) {
        browser.get("http://127.0.0.1:" + port + "/?" + query);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-dialog")));
        browser.findElement(By.id("login-username")).sendKeys(USERNAME);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(shown));
    }

    private String post(String json) {
        Http.Response response = http.post("/api/articles", "application/json", json);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void shouldExpandACollapsedHitIntoTheCopiesOfItsStory() {
        String marker = "pagecopyx" + System.nanoTime();
        post("""
                {"title": "Port strike halts traffic", "body": %s, "source": "Wire Agency", "published": "2024-10-21"}"""
                .formatted(json(WireCopiesIntegrationTests.story(marker))));
        post("""
                {"title": "Ships stranded as dockers strike", "body": %s, "source": "Daily Paper", "published": "2024-10-22"}"""
                .formatted(json(WireCopiesIntegrationTests.reprint(marker))));

        openAndLogIn("q=" + marker, By.cssSelector("#results li.hit .copies-toggle"));

        List<WebElement> hits = browser.findElements(By.cssSelector("#results li.hit"));
        assertThat(hits).hasSize(1);
        WebElement toggle = hits.getFirst().findElement(By.cssSelector(".copies-toggle"));
        assertThat(toggle.getText()).startsWith("1 copy");
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        String shown = hits.getFirst().findElement(By.cssSelector(".hit-title")).getText();
        String other = shown.contains("Port strike") ? "Ships stranded as dockers strike" : "Port strike halts traffic";

        toggle.click();
        WebElement copy = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#results .copies-panel li.copy")));
        assertThat(copy.getText()).contains(other).contains("words removed");
        assertThat(copy.getText()).contains(other.startsWith("Port") ? "Wire Agency" : "Daily Paper");
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");

        toggle.click();
        waiting().until(ExpectedConditions.invisibilityOf(copy));
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void shouldSayWhatTheFacetsCountAndSwitchFromArticlesToStories() {
        String marker = "pagecountx" + System.nanoTime();
        String tag = "docks-" + marker;
        post("""
                {"title": "Port strike halts traffic", "body": %s, "source": "Wire Agency", "published": "2024-10-21",
                 "tags": ["%s"]}""".formatted(json(WireCopiesIntegrationTests.story(marker)), tag));
        post("""
                {"title": "Ships stranded as dockers strike", "body": %s, "source": "Daily Paper", "published": "2024-10-22",
                 "tags": ["%s"]}""".formatted(json(WireCopiesIntegrationTests.reprint(marker)), tag));

        openAndLogIn("q=" + marker, By.cssSelector("#facet-tag .count"));

        assertThat(browser.findElement(By.id("facet-counting")).getText()).isEqualTo("Counts articles · count stories");
        assertThat(browser.findElement(By.cssSelector("#facet-tag .count")).getText()).isEqualTo("2");
        browser.findElement(By.id("facet-counting-switch")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("facet-counting"),
                "Counts stories"));
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("#facet-tag .count"), "1"));
        assertThat(browser.getCurrentUrl()).contains("count=stories");
    }

    @Test
    void shouldShowHowOftenAnArticleWasUpdatedAndWhatChanged() {
        String marker = "pageversionx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String body = "The council of " + marker + " voted to close the old bridge. The mayor said the decision was %s.";
        String id = post("""
                {"title": "Bridge to close", "body": "%s", "url": "%s"}""".formatted(body.formatted("regrettable"),
                url));
        post("""
                {"title": "Bridge to close for two years", "body": "%s", "url": "%s"}"""
                .formatted(body.formatted("unavoidable"), url));

        openAndLogIn("article=" + id, By.cssSelector("#article-versions summary"));

        WebElement versions = browser.findElement(By.id("article-versions"));
        assertThat(versions.findElement(By.tagName("summary")).getText()).isEqualTo("Updated 1 time");
        versions.findElement(By.tagName("summary")).click();
        WebElement version = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#article-versions .version")));
        assertThat(version.findElement(By.tagName("h3")).getText()).isEqualTo("Version 1");
        assertThat(version.findElement(By.cssSelector(".changes del")).getText()).isEqualTo("regrettable.");
        assertThat(version.findElement(By.cssSelector(".changes ins")).getText()).isEqualTo("unavoidable.");
        assertThat(version.findElement(By.cssSelector(".title-change")).getText())
                .isEqualTo("Title: Bridge to close → Bridge to close for two years");
        assertThat(browser.findElement(By.id("article-body")).getText()).contains("unavoidable");
    }

    @Test
    void shouldSayNothingOfUpdatesOrCopiesForAnArticleThatStandsAlone() {
        String marker = "pagealonex" + System.nanoTime();
        String id = post("""
                {"title": "Harbour reopens", "body": "The harbour of %s reopened on Friday after repairs."}"""
                .formatted(marker));

        openAndLogIn("q=" + marker, By.cssSelector("#results li.hit"));
        assertThat(browser.findElements(By.cssSelector("#results .copies-toggle"))).isEmpty();
        browser.findElement(By.cssSelector("#results .hit-title")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-body"), "reopened"));
        assertThat(browser.findElements(By.id("article-versions"))).isEmpty();
        assertThat(browser.getCurrentUrl()).contains("article=" + id);
    }
}
