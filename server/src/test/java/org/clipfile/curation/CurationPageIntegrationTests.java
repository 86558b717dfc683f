package org.clipfile.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
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
 * Curation in the web page, in headless Chromium (Debian's, with its chromedriver): an editor merges two group
 * facet values from the value's menu, applies the edit (a re-index, its progress shown) and sees the counts join;
 * undoes it, applies again and sees them apart. A reader sees none of the controls.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-curation-page", "clipfile.alerts.enabled=false",
        "clipfile.entities.relink-after-import=0"})
class CurationPageIntegrationTests extends ArchiveServerTest {
    static final String PASSWORD = "curates-the-lantern-archive";
    static final String KEPT = "group:lantern-society";
    static final String MERGED = "group:society-of-lanterns";

    WebDriver browser;

    @BeforeEach
    void archiveAndBrowser() throws Exception {
        http.ensureEditorAndReader("page", PASSWORD);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = i < 3 ? "Lantern Society" : "Society of Lanterns";
            String id = i < 3 ? KEPT : MERGED;
            EntityFacet group = new EntityFacet(id, name, "group", List.of(name.toLowerCase()), 1);
            articles.add(new Article("lantern-" + i, "Lantern story " + i, "The " + name + " met again.",
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i * 3600L), "Harbour Wire", null, null,
                    List.of(), null, "en", Instant.now(), "lantern-hash-" + i,
                    new Enrichment(List.of(), List.of(group), List.of())));
        }
        index.saveAll(articles, true);
        browser = Chromium.start("chromium-curation-");
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

    private void openAndLogIn(String username) {
        browser.get("http://127.0.0.1:" + port + "/?q=lantern");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-dialog")));
        browser.findElement(By.id("login-username")).sendKeys(username);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Lantern story"));
    }

    private static By row(String value) {
        return By.cssSelector("#facet-group li.facet-value[data-value='" + value + "']");
    }

    private void awaitCount(String value, String count) {
        waiting().until(d -> {
            List<WebElement> rows = d.findElements(row(value));
            return !rows.isEmpty() && rows.getFirst().findElement(By.cssSelector(".count")).getText().equals(count);
        });
    }

    private void applyEdits() {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-status"),
                "1 edit not yet applied"));
        browser.findElement(By.id("curation-apply")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-message"),
                "Edits applied"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-status"),
                "All edits are applied"));
    }

    @Test
    void shouldMergeTwoFacetValuesAndUndoTheMergeWithTheCountsRightAfterEachReindex() {
        openAndLogIn("page-editor");
        awaitCount(KEPT, "3");
        awaitCount(MERGED, "2");

        browser.findElement(row(MERGED)).findElement(By.cssSelector(".curate")).click();
        browser.findElement(By.cssSelector(".curate-menu .curate-merge")).click();
        browser.findElement(By.cssSelector(".curate-menu .merge-target")).sendKeys("lantern");
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".merge-option[data-value='" + KEPT + "']"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-message"),
                "merged into Lantern Society"));
        applyEdits();

        awaitCount(KEPT, "5");
        assertThat(browser.findElements(row(MERGED))).isEmpty();
        assertThat(http.get("/api/search?group=" + MERGED + "&size=1").json().get("total").asLong()).isZero();

        browser.findElement(By.id("curation-summary")).click();
        WebElement undo = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#curation-edits li.curation-edit:not(.undone) .undo")));
        undo.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-message"), "Undone"));
        applyEdits();

        awaitCount(KEPT, "3");
        awaitCount(MERGED, "2");
        assertThat(browser.findElement(By.cssSelector("#curation-edits li.curation-edit.undone")).getText())
                .contains("Society of Lanterns merged into Lantern Society").contains("undone by page-editor");
    }

    @Test
    void shouldSplitAMergedValueFromTheEntityPage() {
        Http.Response merge = http.as(org.clipfile.security.Role.editor).post("/api/curation/edits",
                "application/json", """
                        {"action": "merge", "entity": "%s", "other": "%s"}""".formatted(KEPT, MERGED));
        assertThat(merge.status()).as(merge.body()).isEqualTo(201);
        openAndLogIn("page-editor");
        applyEdits();
        awaitCount(KEPT, "5");

        browser.findElement(row(KEPT)).findElement(By.cssSelector("a.profile")).click();
        WebElement split = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#entity-curation button.split[data-member='" + MERGED + "']")));
        assertThat(browser.findElement(By.id("entity-curation")).getText()).contains("Made of")
                .contains("merged by key:test-editor");
        split.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("curation-message"), "Undone"));
        applyEdits();
        browser.findElement(By.cssSelector("a.back")).click();

        awaitCount(KEPT, "3");
        awaitCount(MERGED, "2");
    }

    @Test
    void shouldShowNoCurationControlsToAReader() {
        openAndLogIn("page-reader");
        awaitCount(KEPT, "3");

        WebElement menu = browser.findElement(row(KEPT)).findElement(By.cssSelector(".curate"));
        assertThat(menu.isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("curation")).isDisplayed()).isFalse();
    }
}
