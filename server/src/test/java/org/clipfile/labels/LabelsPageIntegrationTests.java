package org.clipfile.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.Chromium;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Labels in the web page, in headless Chromium: an editor adds a label to an article from the article view, follows
 * it into the search (the {@code label} facet ticked, one result) and removes it; a reader sees the label but no
 * controls.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-labels-page", "clipfile.alerts.enabled=false"})
class LabelsPageIntegrationTests extends ArchiveServerTest {
    static final String PASSWORD = "labels-the-estuary-archive";

    WebDriver browser;

    @BeforeEach
    void archiveAndBrowser() throws Exception {
        http.ensureEditorAndReader("label", PASSWORD);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(new Article("estuary-" + i, "Estuary story " + i, "The estuary tide rose again, day " + i
                    + ".", Instant.parse("2025-02-01T00:00:00Z").plusSeconds(i * 3600L), "Harbour Wire", null, null,
                    List.of("tides"), null, "en", Instant.now(), "estuary-hash-" + i, null));
        }
        index.saveAll(articles, true);
        for (int i = 0; i < 3; i++) {
            http.delete("/api/articles/estuary-" + i + "/labels/tide%20gauge");
        }
        browser = Chromium.start("chromium-labels-");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return Chromium.waiting(browser, Duration.ofSeconds(60));
    }

    private void openAndLogIn(String path, String username) {
        browser.get("http://127.0.0.1:" + port + path);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-dialog")));
        browser.findElement(By.id("login-username")).sendKeys(username);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
    }

    @Test
    void shouldAddALabelFromTheArticleAndFilterTheSearchByIt() {
        openAndLogIn("/?q=estuary&article=estuary-1", "label-editor");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-title"),
                "Estuary story 1"));
        WebElement input = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("label-input")));
        input.sendKeys("Tide Gauge");
        browser.findElement(By.id("label-add")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-labels"), "tide gauge"));
        JsonNode stored = http.get("/api/articles/estuary-1").json();
        assertThat(stored.get("labels").get(0).asString()).isEqualTo("tide gauge");

        browser.findElement(By.cssSelector("#article-labels a.label-chip")).click();
        waiting().until(d -> d.getCurrentUrl().contains("label=tide"));
        waiting().until(d -> d.findElements(By.cssSelector("#results .hit-title")).size() == 1);
        assertThat(browser.findElement(By.id("results")).getText()).contains("Estuary story 1")
                .doesNotContain("Estuary story 0");
        WebElement facetRow = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#facet-label li.facet-value[data-value='tide gauge']")));
        assertThat(facetRow.getAttribute("class")).contains("selected");
        assertThat(facetRow.findElement(By.cssSelector(".count")).getText()).isEqualTo("1");

        browser.get("http://127.0.0.1:" + port + "/?q=estuary&article=estuary-1");
        WebElement remove = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#article-labels .label-remove[data-label='tide gauge']")));
        remove.click();
        waiting().until(d -> d.findElements(By.cssSelector("#article-labels .label-chip")).isEmpty());
        assertThat(http.get("/api/articles/estuary-1").json().get("labels")).isEmpty();
    }

    @Test
    void shouldShowLabelsToAReaderWithoutTheControls() {
        assertThat(http.put("/api/articles/estuary-2/labels/tide%20gauge", "application/json", "").status())
                .isEqualTo(200);
        openAndLogIn("/?q=estuary&article=estuary-2", "label-reader");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("article-labels"), "tide gauge"));
        assertThat(browser.findElement(By.id("label-input")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#article-labels .label-remove")).isDisplayed()).isFalse();
    }
}
