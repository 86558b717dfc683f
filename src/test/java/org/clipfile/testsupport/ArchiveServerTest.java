package org.clipfile.testsupport;

import java.io.IOException;
import org.clipfile.index.ArticleIndex;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The set-up shared by {@link ClipfileIntegrationTest}s that call the server over HTTP on their own article index:
 * {@link #http} calls as an admin, and {@link #index} exists before each test. JUnit runs this before the
 * subclass's own {@code @BeforeEach}, so that can post articles straight away.
 */
public abstract class ArchiveServerTest {
    @LocalServerPort
    protected int port;

    @Autowired
    protected ArticleIndex index;

    protected Http http;

    @BeforeEach
    final void connectAndEnsureIndex() throws IOException {
        http = new Http(port);
        index.ensureExists();
    }
}
