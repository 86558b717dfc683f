package org.clipfile.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.index.ArticleIndex;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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

    /** The {@code id}s of a JSON list of hits or entities, in order. */
    protected static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }
}
