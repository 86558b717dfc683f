package org.clipfile.saved;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.AuditEvents;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Saved searches over HTTP on a real Elasticsearch: feeds, feed tokens, ownership, new-match counts, webhooks. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-saved", "clipfile.alerts.enabled=false",
        "clipfile.alerts.allow-private-webhooks=true", "clipfile.alerts.webhook-timeout=2s"})
class SavedSearchIntegrationTests extends ArchiveServerTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    AlertMatcher matcher;

    @Autowired
    SavedSearchStore store;

    @Autowired
    org.clipfile.collections.CollectionService collections;

    private final List<HttpServer> receivers = new ArrayList<>();

    /** The server makes these indices in the background at start; the first test may come sooner. */
    @org.junit.jupiter.api.BeforeEach
    void ensureIndices() throws Exception {
        store.ensureExists();
        collections.indexReady(index);
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(server -> server.stop(0));
    }

    private String article(String title, String body) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "%s", "published": "2024-06-01", "source": "Test Wire"}"""
                .formatted(title, body));
        assertThat(created.status()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    private JsonNode save(Http as, String name, String query) {
        Http.Response saved = as.post("/api/saved-searches", "application/json", """
                {"name": "%s", "query": "%s"}""".formatted(name, query));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json();
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> entryIds(Document feed) {
        List<String> ids = new ArrayList<>();
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            ids.add(((Element) entries.item(i)).getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        }
        return ids;
    }

    @Test
    void shouldListInTheFeedOnlyMatchingArticlesIndexedAfterTheSearchWasSaved() throws Exception {
        String before = article("Dam breach floods Mosul suburbs", "Water from the damaged dam reached Mosul.");
        JsonNode saved = save(http, "Mosul dam", "q=" + Http.encode("dam Mosul") + "&source=Test+Wire");
        Thread.sleep(20);
        String after = article("Second dam breach near Mosul", "Engineers warned the Mosul dam could fail again.");
        String unrelated = article("Harvest festival in Valencia", "Farmers celebrated the rice harvest.");

        Http.Response feed = http.get("/api/saved-searches/" + saved.get("id").asString() + "/feed");

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        Document document = xml(feed.body());
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(root.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isPositive();
        }
        assertThat(entryIds(document)).containsExactly("urn:clipfile:article:" + after)
                .doesNotContain("urn:clipfile:article:" + before, "urn:clipfile:article:" + unrelated);
        Element entry = (Element) document.getElementsByTagNameNS(ATOM, "entry").item(0);
        for (String required : List.of("id", "title", "updated", "link", "summary")) {
            assertThat(entry.getElementsByTagNameNS(ATOM, required).getLength()).as(required).isEqualTo(1);
        }
        assertThat(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent())
                .isEqualTo("Second dam breach near Mosul");
        assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
                .endsWith("/?article=" + after);
        assertThat(entry.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent()).startsWith("Engineers");
    }

    @Test
    void shouldOpenTheFeedWithItsTokenAloneUntilTheTokenIsRevokedOrReplaced() {
        JsonNode saved = save(http, "Port strikes", "q=strike");
        String id = saved.get("id").asString();
        String token = saved.get("feed_token").asString();
        assertThat(saved.get("feed_subscription").asString()).endsWith("/api/saved-searches/" + id + "/feed?token="
                + token);
        Http anonymous = Http.anonymous(port);

        assertThat(anonymous.get("/api/saved-searches/" + id + "/feed?token=" + token).status()).isEqualTo(200);
        Http.Response wrong = anonymous.get("/api/saved-searches/" + id + "/feed?token=ft_guess");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.get("/api/saved-searches/" + id + "/feed").status()).isEqualTo(401);

        JsonNode rotated = http.post("/api/saved-searches/" + id + "/feed-token", "application/json", "").json();
        String newToken = rotated.get("feed_token").asString();
        assertThat(anonymous.get("/api/saved-searches/" + id + "/feed?token=" + token).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/saved-searches/" + id + "/feed?token=" + newToken).status()).isEqualTo(200);

        assertThat(http.delete("/api/saved-searches/" + id + "/feed-token").status()).isEqualTo(204);
        assertThat(anonymous.get("/api/saved-searches/" + id + "/feed?token=" + newToken).status()).isEqualTo(401);
        assertThat(http.get("/api/saved-searches/" + id).json().get("feed_token_active").asBoolean()).isFalse();
        assertThat(http.get("/api/saved-searches/" + id + "/feed").status()).as("the owner's key still works")
                .isEqualTo(200);
    }

    @Test
    void shouldShowSavedSearchesOnlyToTheirOwnerAndToAdmins() {
        Http reader = http.as(Role.reader);
        Http editor = http.as(Role.editor);
        String id = save(reader, "Reader's own", "q=ceasefire").get("id").asString();

        assertThat(reader.get("/api/saved-searches/" + id).status()).isEqualTo(200);
        assertThat(editor.get("/api/saved-searches/" + id).status()).isEqualTo(404);
        assertThat(editor.get("/api/saved-searches/" + id + "/feed").status()).isEqualTo(404);
        assertThat(editor.delete("/api/saved-searches/" + id).status()).isEqualTo(404);
        assertThat(ids(editor.get("/api/saved-searches").json())).doesNotContain(id);
        assertThat(ids(http.get("/api/saved-searches").json())).as("an admin sees all").contains(id);
        assertThat(Http.anonymous(port).get("/api/saved-searches").status()).isEqualTo(401);

        assertThat(reader.put("/api/saved-searches/" + id, "application/json", """
                {"name": "Renamed", "query": "q=truce"}""").json().get("query").asString()).isEqualTo("q=truce");
        assertThat(reader.delete("/api/saved-searches/" + id).status()).isEqualTo(204);
        assertThat(reader.get("/api/saved-searches/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseASearchThatCannotRunWithAProblem() {
        Http.Response syntax = http.post("/api/saved-searches", "application/json", """
                {"name": "Broken", "query": "q=%22unclosed"}""");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.contentType()).startsWith("application/problem+json");

        Http.Response encoding = http.post("/api/saved-searches", "application/json", """
                {"name": "Broken", "query": "q=%ZZ"}""");
        assertThat(encoding.status()).isEqualTo(400);
        assertThat(encoding.json().get("type").asString()).isEqualTo("/problems/invalid-request");

        Http.Response noName = http.post("/api/saved-searches", "application/json", """
                {"name": "", "query": "q=x"}""");
        assertThat(noName.status()).isEqualTo(400);

        Http.Response privateHook = http.post("/api/saved-searches", "application/json", """
                {"name": "Hook", "query": "q=x", "webhook_url": "file:///etc/passwd"}""");
        assertThat(privateHook.status()).isEqualTo(400);
    }

    @Test
    void shouldCountNewMatchesUntilTheOwnerLooksAndPostThemToASignedWebhook() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        int receiverPort = receiver(200, received);
        String secret = "a-secret-of-the-desk-0123456789";
        Http.Response created = http.post("/api/saved-searches", "application/json", """
                {"name": "Hooked", "query": "q=lighthouse", "webhook_url": "http://127.0.0.1:%d/hook",
                 "webhook_secret": "%s"}""".formatted(receiverPort, secret));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Instant from = Instant.now().minusSeconds(1);
        String matching = article("Lighthouse keeper retires", "The last lighthouse keeper of the coast retired.");
        article("Lighthouse restored", "Volunteers restored the old lighthouse.");

        AlertMatcher.Run run = matcher.check(from, Instant.now().plusSeconds(1));

        assertThat(run.articles()).isGreaterThanOrEqualTo(2);
        assertThat(run.matched()).isGreaterThanOrEqualTo(1);
        JsonNode mine = find(http.get("/api/saved-searches").json(), id);
        assertThat(mine.get("new_count").asLong()).isEqualTo(2);
        String[] delivery = await(received);
        JsonNode payload = tools.jackson.databind.json.JsonMapper.shared().readTree(delivery[0]);
        assertThat(payload.get("saved_search").get("id").asString()).isEqualTo(id);
        assertThat(payload.get("new_matches").asLong()).isEqualTo(2);
        assertThat(ids(payload.get("articles"))).contains(matching);
        assertThat(delivery[2]).isEqualTo("sha256=" + WebhookSender.sign(secret, delivery[1],
                delivery[0].getBytes(StandardCharsets.UTF_8)));

        assertThat(http.get("/api/saved-searches/" + id).json().get("new_count").asLong())
                .as("the answer still shows what was new").isEqualTo(2);
        assertThat(find(http.get("/api/saved-searches").json(), id).get("new_count").asLong()).isZero();
        awaitWebhookStatus(id, "last_success_at");
        JsonNode audited = AuditEvents.await(http, "size=100&action=webhook.delivered",
                e -> e.path("target").asString("").equals(id));
        assertThat(audited.get("user").asString()).as("a system action").isEqualTo("system");
        assertThat(audited.get("status").asInt()).isEqualTo(200);
        assertThat(audited.get("detail").asString()).isEqualTo("HTTP 200 from 127.0.0.1");
    }

    @Test
    void shouldRecordAMatcherRunThatSawNewArticlesInTheAudit() throws Exception {
        String marker = "bellbuoy" + System.nanoTime();
        http.post("/api/saved-searches", "application/json", """
                {"name": "Buoys", "query": "q=%s"}""".formatted(marker));
        matcher.runIfHolder(Instant.now()); // the window now ends 10 s (the lag) before this moment
        article("Bell buoy " + marker, "The " + marker + " rang all night.");

        var run = matcher.runIfHolder(Instant.now().plusSeconds(11));

        assertThat(run).isPresent();
        assertThat(run.get().articles()).isGreaterThanOrEqualTo(1);
        String to = run.get().to().toString();
        JsonNode audited = AuditEvents.await(http, "size=100&action=saved-search.match",
                e -> e.path("detail").asString("").contains(to));
        assertThat(audited.get("user").asString()).isEqualTo("system");
        assertThat(audited.get("result_count").asLong()).isEqualTo(run.get().matched()).isGreaterThanOrEqualTo(1);
        assertThat(audited.get("detail").asString()).contains("new articles");
    }

    @Test
    void shouldShowWebhookFailuresInTheSavedSearchStatus() throws Exception {
        int failingPort = receiver(500, new CopyOnWriteArrayList<>());
        String id = http.post("/api/saved-searches", "application/json", """
                {"name": "Failing hook", "query": "q=windmill", "webhook_url": "http://127.0.0.1:%d/hook"}"""
                .formatted(failingPort)).json().get("id").asString();
        Instant from = Instant.now().minusSeconds(1);
        article("Windmill rebuilt", "The windmill turns again.");

        matcher.check(from, Instant.now().plusSeconds(1));

        JsonNode webhook = awaitWebhookStatus(id, "last_error");
        assertThat(webhook.get("last_status").asInt()).isEqualTo(500);
        assertThat(webhook.get("failures").asInt()).isEqualTo(1);
        assertThat(webhook.get("last_error").asString()).contains("500");
        assertThat(webhook.has("secret")).isFalse();
        JsonNode audited = AuditEvents.await(http, "size=100&action=webhook.failed",
                e -> e.path("target").asString("").equals(id));
        assertThat(audited.get("user").asString()).isEqualTo("system");
        assertThat(audited.get("status").asInt()).isEqualTo(502);
        assertThat(audited.get("detail").asString()).isEqualTo("to 127.0.0.1: HTTP 500");
    }

    /** A local receiver answering {@code status}; records body, timestamp and signature of each POST. */
    private int receiver(int status, List<String[]> received) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {body, exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE)});
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        receivers.add(server);
        return server.getAddress().getPort();
    }

    private static String[] await(List<String[]> received) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (received.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received).as("webhook deliveries").isNotEmpty();
        return received.getFirst();
    }

    private JsonNode awaitWebhookStatus(String id, String field) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode webhook = find(http.get("/api/saved-searches").json(), id).get("webhook");
            if (webhook != null && webhook.has(field)) {
                return webhook;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the webhook status never got " + field);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no saved search " + id + " in " + list);
    }
}
