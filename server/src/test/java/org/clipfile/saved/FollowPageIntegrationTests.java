package org.clipfile.saved;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clipfile.batch.BatchStoreAccess;
import org.clipfile.testsupport.Chromium;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The follow panel of the search page in headless Chromium (Debian's, with its chromedriver): save the current
 * search and get a feed address that works without a login, see it listed, and check a list of names.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-follow-page", "clipfile.alerts.enabled=false"})
class FollowPageIntegrationTests extends ArchiveServerTest {
    static final String USERNAME = "follower";
    static final String PASSWORD = "follows-the-lighthouse-story";

    @Autowired
    SavedSearchStore store;

    @Autowired
    org.clipfile.collections.CollectionService collections;

    @Autowired
    org.springframework.context.ApplicationContext context;

    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        store.ensureExists();
        collections.indexReady(index);
        BatchStoreAccess.ensureExists(context);
        Http.Response user = http.post("/api/users", "application/json", """
                {"username": "%s", "password": "%s", "role": "reader"}""".formatted(USERNAME, PASSWORD));
        assertThat(user.status()).as(user.body()).isIn(201, 409);
        assertThat(http.post("/api/articles", "application/json", """
                {"title": "Lighthouse keeper Odile Marchetti retires", "body": "Odile Marchetti kept the \
                lighthouse for forty years.", "source": "Coast Post"}""").status()).isIn(200, 201);
        browser = Chromium.start("chromium-follow-");
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

    /** "+ Collection" on the first hit: the page asks the collection's name, then a note. */
    private void addFirstHitToCollection(String collection, String noteText) {
        browser.findElement(By.cssSelector("#results li.hit .add-to-collection")).click();
        Alert name = waiting().until(ExpectedConditions.alertIsPresent());
        name.sendKeys(collection);
        name.accept();
        Alert note = waiting().until(ExpectedConditions.alertIsPresent());
        note.sendKeys(noteText);
        note.accept();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Added"));
    }

    /**
     * Opens a collection of the panel and waits for its articles. The panel's list may be drawn again just after it
     * appears (adding an article and opening the panel each ask for it): a click on a list drawn over is tried again.
     */
    private void openCollection(String namePrefix, String expected) {
        waiting().until(page -> {
            WebElement button = page.findElements(By.cssSelector("#collection-list .collection-name")).stream()
                    .filter(b -> b.getText().startsWith(namePrefix)).findFirst().orElse(null);
            if (button == null) {
                return false;
            }
            button.click();
            try {
                new WebDriverWait(page, Duration.ofSeconds(3)).until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("collection-list"), expected));
                return true;
            } catch (org.openqa.selenium.TimeoutException e) {
                return false;
            }
        });
    }

    private void openAndLogIn(String query) {
        browser.get("http://127.0.0.1:" + port + "/?" + query);
        WebElement dialog = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-dialog")));
        assertThat(dialog.isDisplayed()).isTrue();
        browser.findElement(By.id("login-username")).sendKeys(USERNAME);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Lighthouse"));
    }

    @Test
    void shouldSaveTheCurrentSearchAndGiveAFeedAddressThatWorksWithoutLogin() {
        openAndLogIn("q=lighthouse&source=Coast+Post");

        browser.findElement(By.id("save-search")).click();
        Alert prompt = waiting().until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("Lighthouse story");
        prompt.accept();

        WebElement feed = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("feed-address")));
        String address = feed.getAttribute("value");
        assertThat(address).contains("/api/saved-searches/").contains("/feed?token=ft_");
        Http.Response atom = Http.anonymous(port).get(address.substring(address.indexOf("/api/")));
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        browser.findElement(By.id("saved-summary")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-list"), "Lighthouse story"));
        // The list may be drawn again meanwhile (saving and opening the panel each ask for it): read it in one go.
        String href = waiting().until(page -> page.findElements(By.cssSelector("#saved-list a.saved-search")).stream()
                .filter(a -> a.getText().equals("Lighthouse story")).map(a -> a.getAttribute("href")).findFirst()
                .orElse(null));
        assertThat(href).contains("q=lighthouse").contains("source=Coast+Post");
    }

    @Test
    void shouldStarAResultAndAddItToACollectionWithANote() {
        openAndLogIn("q=lighthouse");
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#results li.hit .follow-actions")));
        WebElement star = browser.findElement(By.cssSelector("#results li.hit .star"));

        star.click();
        waiting().until(ExpectedConditions.textToBePresentInElement(star, "Starred"));
        addFirstHitToCollection("Lighthouse desk", "Ask the harbour office");

        browser.findElement(By.id("collections-summary")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("collection-list"), "Starred (1)"));
        openCollection("Lighthouse desk", "Ask the harbour office");
        assertThat(browser.findElements(By.cssSelector("#results li.hit .follow-actions"))).as("still on the results")
                .isNotEmpty();
    }

    @Test
    void shouldSearchWithinACollectionThenEditANoteAndRemoveTheArticleFromThePanel() {
        assertThat(http.post("/api/articles", "application/json", """
                {"title": "Lighthouse lamp replaced by LEDs", "body": "The lighthouse lamp was replaced.",
                "source": "Coast Post"}""").status()).isIn(200, 201);
        openAndLogIn("q=lighthouse+keeper");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li.hit .add-to-collection")));
        addFirstHitToCollection("Keepers desk", "First note");

        browser.findElement(By.id("collections-summary")).click();
        openCollection("Keepers desk (1)", "First note");
        browser.findElement(By.cssSelector("#collection-list .search-collection")).click();

        waiting().until(ExpectedConditions.urlContains("collection="));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("active-filters"),
                "Collection: Keepers desk"));
        waiting().until(page -> page.findElements(By.cssSelector("#results li.hit")).size() == 1
                && page.findElement(By.cssSelector("#results li.hit")).getText().contains("Odile Marchetti"));

        browser.findElement(By.id("collections-summary")).click();
        openCollection("Keepers desk (1)", "First note");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#collection-list .edit-note"))).click();
        Alert edited = waiting().until(ExpectedConditions.alertIsPresent());
        edited.sendKeys("Call the harbour master");
        edited.accept();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Note saved"));
        String deskId = null;
        for (var collection : http.get("/api/collections").json()) {
            if (collection.get("name").asString().equals("Keepers desk")) {
                deskId = collection.get("id").asString();
            }
        }
        assertThat(deskId).as("the collection made in the page").isNotNull();
        assertThat(http.get("/api/collections/" + deskId).body()).contains("Call the harbour master")
                .doesNotContain("First note");
        browser.findElement(By.cssSelector("#collection-list .remove-from-collection")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-status"), "Removed from"));
        waiting().until(page -> page.findElements(By.cssSelector("#collection-list .collection-name")).stream()
                .anyMatch(b -> b.getText().startsWith("Keepers desk (0)")));
    }

    @Test
    void shouldCheckAPastedListOfNamesAndShowTheirCounts() {
        openAndLogIn("q=lighthouse");

        browser.findElement(By.cssSelector("#batch-details summary")).click();
        browser.findElement(By.id("batch-names")).sendKeys("Odile Marchetti\nNobody Anywhere-Atall\n");
        browser.findElement(By.id("batch-run")).click();

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".batch-table tbody tr")));
        List<WebElement> rows = browser.findElements(By.cssSelector(".batch-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Odile Marchetti").contains("1");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(1).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("batch-progress")).getText()).contains("1 of 2 names found");
    }
}
