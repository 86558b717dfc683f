package org.clipfile.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium of the browser tests: Debian's browser and driver ({@code apt-get install chromium
 * chromium-driver}, as {@code .ci/run} does; other paths through {@code clipfile.test.chromium} and
 * {@code clipfile.test.chromedriver}). Without them the tests fail, never skip.
 */
public final class Chromium {
    public static final Path BROWSER = Path.of(System.getProperty("clipfile.test.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("clipfile.test.chromedriver", "/usr/bin/chromedriver"));

    /** The profiles made by this JVM, deleted when it exits (each is a few MB; the browsers have quit by then). */
    private static final List<Path> PROFILES = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROFILES.forEach(Chromium::delete), "chromium-profiles"));
    }

    private Chromium() {}

    /** A new browser with a fresh profile under {@code target/} named by {@code profilePrefix}. */
    public static WebDriver start(String profilePrefix) throws IOException {
        return start(profilePrefix, Map.of());
    }

    /** The same, with Chromium preferences (a download folder, for instance). */
    public static WebDriver start(String profilePrefix, Map<String, Object> prefs) throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            fail("The browser tests need Debian's Chromium and its driver at " + BROWSER + " and " + DRIVER
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them). They are missing.");
        }
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), profilePrefix);
        PROFILES.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,900");
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        // An explicit driver: Selenium Manager never downloads a driver or a browser.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Deletes a profile folder, best effort: a file still held open stays, the rest goes. */
    private static void delete(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // what could not be listed stays under target/, as every profile did before
        }
    }

    /**
     * A wait on the page that reads through redraws: the page draws its lists again when an answer arrives, and an
     * element read while that happens is stale, not wrong.
     */
    public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
