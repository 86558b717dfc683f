package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.testsupport.Polls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON naming style across the API: the answers of the main endpoints (and what the page reads from them) name
 * their fields in snake_case, like Elasticsearch; a camelCase field name anywhere in them fails.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-api-field-names")
class ApiFieldNamesIntegrationTests {
    /** A field name in camelCase: lower-case letters, then a capital (values such as {@code SY} never match). */
    private static final Pattern CAMEL_CASE = Pattern.compile("^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$");

    @LocalServerPort
    int port;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private String post(String title, String body, String source, String url) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "%s", "published": "2024-06-01", "source": "%s", "url": "%s",
                 "tags": ["world"], "section": "world"}""".formatted(title, body, source, url));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    @Test
    void shouldNameEveryFieldOfTheMainAnswersInSnakeCase() throws InterruptedException {
        String story = "US special troops carried out a raid near Atme in Idlib province in northern Syria on "
                + "Thursday, according to the Pentagon. John Kirby said 13 people were killed in the operation. "
                + "The Syrian Observatory for Human Rights confirmed the toll to Agence France-Presse.";
        String id = post("Raid near Atme", story, "AFP", "https://example.org/names/raid");
        post("Raid near Atme", story + " Updated.", "AFP", "https://example.org/names/raid");
        String copy = post("Raid in Idlib", story, "Wire Copy", "https://example.org/names/copy");

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("GET /api/search", ok(http.get("/api/search?q=raid")));
        answers.put("GET /api/search collapse=false",
                ok(http.get("/api/search?q=raid&collapse=false&count=stories")));
        answers.put("GET /api/search cursor", ok(http.get("/api/search?q=raid&cursor=")));
        answers.put("GET /api/facets/source", ok(http.get("/api/facets/source?q=raid")));
        answers.put("GET /api/articles/{id}", ok(http.get("/api/articles/" + id)));
        answers.put("GET /api/articles/{id}/annotations", ok(http.get("/api/articles/" + id + "/annotations")));
        answers.put("GET /api/articles/{id}/related", ok(http.get("/api/articles/" + copy + "/related")));
        answers.put("GET /api/articles/{id}/copies", ok(http.get("/api/articles/" + id + "/copies")));
        answers.put("GET /api/articles/{id}/versions", ok(http.get("/api/articles/" + id + "/versions")));
        answers.put("GET /api/map", ok(http.get("/api/map?zoom=3&q=raid")));
        answers.put("GET /api/entities", ok(http.get("/api/entities?prefix=kir")));
        answers.put("GET /api/entities/{id} (person)", ok(http.get("/api/entities/person:john-kirby")));
        answers.put("GET /api/entities/{id} (place)", ok(http.get("/api/entities/place:country:SY")));
        answers.put("GET /api/curation/edits", ok(http.get("/api/curation/edits")));
        answers.put("GET /api/takedowns", ok(http.get("/api/takedowns")));
        answers.put("GET /api/users", ok(http.get("/api/users")));
        answers.put("GET /api/keys", ok(http.get("/api/keys")));
        answers.put("GET /api/session", ok(http.get("/api/session")));

        Http.Response collection = http.post("/api/collections", "application/json", """
                {"name": "Names check", "private": false}""");
        answers.put("POST /api/collections", ok(collection));
        String collectionId = collection.json().get("id").asString();
        ok(http.put("/api/collections/" + collectionId + "/articles/" + id, "application/json", """
                {"note": "first"}"""));
        answers.put("GET /api/collections", ok(http.get("/api/collections")));
        answers.put("GET /api/collections/{id}", ok(http.get("/api/collections/" + collectionId)));

        Http.Response saved = http.post("/api/saved-searches", "application/json", """
                {"name": "Raids", "query": "q=raid"}""");
        answers.put("POST /api/saved-searches", ok(saved));
        answers.put("GET /api/saved-searches", ok(http.get("/api/saved-searches")));
        answers.put("GET /api/saved-searches/{id}",
                ok(http.get("/api/saved-searches/" + saved.json().get("id").asString())));

        Http.Response batch = http.post("/api/batch-searches", "application/json", """
                {"names": ["John Kirby", "Atme"]}""");
        answers.put("POST /api/batch-searches", ok(batch));
        answers.put("GET /api/batch-searches", ok(http.get("/api/batch-searches")));
        answers.put("GET /api/batch-searches/{id}",
                ok(http.get("/api/batch-searches/" + batch.json().get("id").asString())));

        String job = ImportJobs.start(http, "names.ndjson", "application/x-ndjson", """
                {"title": "Imported raid", "body": "A raid was reported near Atme in Syria."}
                {"title": "Broken"
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        answers.put("GET /api/imports/{id}", ImportJobs.awaitEnd(http, job, java.time.Duration.ofSeconds(60)));
        answers.put("GET /api/imports/{id}/failures", ok(http.get("/api/imports/" + job + "/failures")));

        Http.Response edit = http.post("/api/curation/edits", "application/json", """
                {"action": "rename", "entity": "person:john-kirby", "name": "John F. Kirby"}""");
        answers.put("POST /api/curation/edits", ok(edit));
        answers.put("GET /api/curation/entities/{id}", ok(http.get("/api/curation/entities/person:john-kirby")));
        answers.put("POST /api/curation/reindex", ok(http.post("/api/curation/reindex", "application/json", "")));
        JsonNode relink = awaitRelink();
        answers.put("GET /api/curation/reindex", relink);
        answers.put("GET /api/admin/reindex", ok(http.get("/api/admin/reindex")));

        Http.Response export = http.get("/api/export?format=ndjson&q=raid");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            answers.put("GET /api/export?format=ndjson line " + (i + 1), JsonMapper.shared().readTree(lines.get(i)));
        }

        Set<String> camelCase = new TreeSet<>();
        answers.forEach((call, answer) -> camelCaseFields(answer, call, camelCase));
        assertThat(camelCase).as("camelCase field names in the answers").isEmpty();
        assertThat(refused).as("answers refused").isEmpty();
        assertThat(answers.get("GET /api/search").get("hits")).as("the walk saw hits").isNotEmpty();
        assertThat(answers.get("GET /api/articles/{id}/versions").toString()).as("and a kept version")
                .contains("superseded_at");
    }

    @Test
    void shouldRecogniseACamelCaseFieldAnywhereInAnAnswer() {
        Set<String> found = new TreeSet<>();
        camelCaseFields(JsonMapper.shared().readTree("""
                {"ok_name": 1, "hits": [{"markedSnippet": "x", "facets": {"SY": {"count": 1}}}]}"""), "t", found);

        assertThat(found).containsExactly("t: $.hits[0].markedSnippet");
    }

    private final List<String> refused = new ArrayList<>();

    /** The answer's JSON; an answer other than 2xx is noted (the test fails on it at the end, after the walk). */
    private JsonNode ok(Http.Response response) {
        if (response.status() < 200 || response.status() > 299) {
            refused.add(response.status() + " " + response.body());
        }
        return response.body().isBlank() ? JsonMapper.shared().createObjectNode() : response.json();
    }

    private JsonNode awaitRelink() throws InterruptedException {
        // 300 tries 100 ms apart, as before.
        return Polls.every(Duration.ofMillis(100), Duration.ofSeconds(30)).alias("the relink never ended")
                .until(() -> ok(http.get("/api/curation/reindex")),
                        status -> !status.path("reindex").path("state").asString("running").equals("running"));
    }

    private static void camelCaseFields(JsonNode node, String path, Set<String> found) {
        walk(node, "$", (where, name) -> found.add(path + ": " + where + "." + name));
    }

    private interface Visitor {
        void field(String where, String name);
    }

    private static void walk(JsonNode node, String where, Visitor visitor) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(elements::add);
            for (int i = 0; i < elements.size(); i++) {
                walk(elements.get(i), where + "[" + i + "]", visitor);
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                if (CAMEL_CASE.matcher(field.getKey()).matches()) {
                    visitor.field(where, field.getKey());
                }
                walk(field.getValue(), where + "." + field.getKey(), visitor);
            });
        }
    }
}
