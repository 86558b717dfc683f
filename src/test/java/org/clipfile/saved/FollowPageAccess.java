package org.clipfile.saved;

import java.io.IOException;
import org.openqa.selenium.WebDriver;

/** The headless Chromium of the follow page's tests, for the browser tests of other packages. */
public final class FollowPageAccess {
    private FollowPageAccess() {}

    public static WebDriver chromium() throws IOException {
        return FollowPageIntegrationTests.chromium();
    }
}
