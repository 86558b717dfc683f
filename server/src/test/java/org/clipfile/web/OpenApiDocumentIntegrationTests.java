package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clipfile.search.Facet;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API description springdoc generates ({@code /v3/api-docs}) against the server itself: it names exactly the
 * API's endpoints, every documented path answers, every documented parameter is accepted, and the main answers
 * (an article, a search, an import job, a problem) have the fields their documented schemas name.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-openapi")
class OpenApiDocumentIntegrationTests extends ArchiveServerTest {
    /** Parameters the all-at-once call leaves out, and why. */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "collection", "an unknown collection is a 404 by design (checked on its own below)",
            "token", "a feed token decides who may read a feed; a wrong one is a 401 by design");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document() {
        Http.Response response = Http.anonymous(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldServeTheDescriptionAndItsViewerToAnyoneAtTheirAddressesAndTheOldOne() throws Exception {
        JsonNode document = document();
        Http.Response old = Http.anonymous(port).get("/openapi.json");

        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("paths").propertyNames()).containsExactlyElementsOf(
                document.get("paths").propertyNames());
        assertThat(Http.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
        // Kept for whoever reads the build's output: the document as this build generates it.
        Files.writeString(Path.of("target", "openapi-generated.json"), document.toPrettyString());
    }

    @Test
    void shouldDescribeEveryEndpointOfTheApiAndNoOther() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name().toLowerCase() + " " + path))));
        Set<String> described = new TreeSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> !operation.getKey().equals("parameters"))
                .forEach(operation -> described.add(operation.getKey() + " " + path.getKey())));

        assertThat(served).isNotEmpty();
        assertThat(described).isEqualTo(served);
    }

    @Test
    void shouldDescribeEveryFacetParameterAndItsExclusion() {
        JsonNode parameters = document().get("components").get("parameters");

        for (Facet facet : Facet.values()) {
            assertThat(parameters.has(facet.parameter())).as(facet.parameter()).isTrue();
            assertThat(parameters.get("not_" + facet.parameter()).get("name").asString())
                    .isEqualTo("-" + facet.parameter());
        }
    }

    @Test
    void shouldDescribeTheSearchParametersOnEveryEndpointThatBindsThem() {
        JsonNode document = document();

        assertThat(parameterNames(document, "/api/search", "get"))
                .contains("q", "person", "-person", "label", "-label", "from", "to", "sort", "page", "size",
                        "facet_size", "bbox", "facets", "count", "collection", "cursor", "collapse");
        for (String path : List.of("/api/export", "/api/map", "/api/entities/{id}", "/api/facets/{facet}")) {
            assertThat(parameterNames(document, path, "get")).as(path)
                    .contains("q", "person", "-place", "from", "to", "facets", "count", "collection")
                    .doesNotContain("cursor", "collapse");
        }
        // The facets endpoint pages through facet values with its own page and size, documented once.
        assertThat(parameterNames(document, "/api/facets/{facet}", "get"))
                .containsOnlyOnce("page", "size").contains("order", "contains");
    }

    @Test
    void shouldDescribeTheProblemsAndTheWaysToCall() {
        JsonNode document = document();
        JsonNode search = document.get("paths").get("/api/search").get("get");

        assertThat(search.get("responses").get("400").get("content").get("application/problem+json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(document.get("components").get("securitySchemes").propertyNames())
                .contains("apiKey", "session", "csrf");
        assertThat(document.get("components").get("securitySchemes").get("csrf").get("name").asString())
                .isEqualTo("X-XSRF-TOKEN");
    }

    @Test
    void shouldDescribeOperationsAndFieldsWithTheirJavadoc() {
        JsonNode document = document();

        String facets = document.at("/paths/~1api~1facets~1{facet}/get/description").asString();
        assertThat(facets.replaceAll("\\s+", " ")).contains("more values of one facet");
        assertThat(document.at("/components/schemas/Ingested/description").asString())
                .contains("the article's id");
    }

    @Test
    void shouldAnswerEveryDocumentedPathAndAcceptEveryDocumentedParameter() {
        JsonNode document = document();
        List<String> refused = new ArrayList<>();
        int called = 0;
        for (var path : document.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue; // other methods change things: their routes are compared with the server's above
            }
            StringBuilder query = new StringBuilder();
            String route = path.getKey();
            for (JsonNode parameter : parameters(document, get)) {
                String name = parameter.get("name").asString();
                if ("path".equals(parameter.get("in").asString()) && parameter.has("example")) {
                    route = route.replace("{" + name + "}", Http.encode(parameter.get("example").asString()));
                }
                if (!"query".equals(parameter.get("in").asString()) || LEFT_OUT.containsKey(name)) {
                    continue;
                }
                query.append(query.isEmpty() ? "?" : "&").append(Http.encode(name)).append('=')
                        .append(Http.encode(value(document, parameter)));
            }
            String url = route.replaceAll("\\{[^}]+}", "no-such-thing") + query;
            Http.Response response = http.get(url);
            called++;
            // 403: no route (everything unlisted is denied); 405: no such method; 400: a parameter refused.
            if (response.status() == 400 || response.status() == 403 || response.status() == 405
                    || response.status() >= 500) {
                refused.add("GET " + url + " -> " + response.status() + " " + response.body());
            }
        }

        assertThat(called).isGreaterThan(30);
        assertThat(refused).isEmpty();
    }

    @Test
    void shouldAcceptTheCollectionParameterWhereItIsDocumented() {
        Http.Response response = http.get("/api/search?collection=no-such-collection");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void shouldDescribeTheMainAnswersWithTheFieldsTheyHave() {
        JsonNode document = document();
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "Raid near Atme in Idlib", "body": "US forces carried out a raid near Atme in Syria, \
                the Pentagon said on Thursday.", "published": "2024-01-10", "source": "Test Wire",
                 "url": "https://example.org/raid", "section": "syria", "tags": ["syria"], "byline": "A. Reporter",
                 "language": "en"}""");
        assertThat(created.status()).isIn(200, 201);
        String id = created.json().get("id").asString();

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("post /api/articles", created.json());
        answers.put("get /api/articles/{id}", http.get("/api/articles/" + id).json());
        Http.Response search = http.get("/api/search?q=raid");
        assertThat(search.json().get("hits")).isNotEmpty();
        answers.put("get /api/search", search.json());
        http.awaitImportsStarted();
        Http.Response job = http.post("/api/imports?name=one.ndjson", "application/x-ndjson",
                "{\"title\": \"Ships wait\", \"body\": \"Dock workers walked out.\"}\n");
        assertThat(job.status()).isEqualTo(202);
        JsonNode importOperation = document.at("/paths/~1api~1imports/post");
        assertThat(importOperation.get("responses").propertyNames()).contains("202").doesNotContain("200");
        assertThat(document.at("/paths/~1api~1articles/post/responses").propertyNames())
                .as("a new article is 201, a replaced one 200").contains("201", "200");
        for (String creating : List.of("/api/collections", "/api/saved-searches", "/api/users", "/api/keys")) {
            assertThat(document.at("/paths/" + creating.replace("/", "~1") + "/post/responses").propertyNames())
                    .as(creating).contains("201").doesNotContain("200");
        }
        assertThat(importOperation.at("/requestBody/content").propertyNames())
                .contains("application/zip", "application/x-ndjson", "multipart/form-data", "application/json");
        answers.put("post /api/imports", job.json());
        answers.put("get /api/imports/{id}", http.get("/api/imports/" + job.json().get("id").asString()).json());

        List<String> undocumented = new ArrayList<>();
        answers.forEach((operation, answer) -> {
            String[] parts = operation.split(" ", 2);
            JsonNode schema = responseSchema(document, parts[1], parts[0]);
            assertThat(schema).as(operation).isNotNull();
            compare(document, schema, answer, operation, undocumented, 0);
        });
        Http.Response problem = http.get("/api/search?sort=sideways");
        assertThat(problem.status()).isEqualTo(400);
        compare(document, document.get("components").get("schemas").get("Problem"), problem.json(),
                "problem", undocumented, 0);

        assertThat(undocumented).isEmpty();
    }

    /** Records every field of {@code answer} that {@code schema} does not name, down to nested objects. */
    private static void compare(JsonNode document, JsonNode schema, JsonNode answer, String where,
            List<String> undocumented, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 6 || resolved == null) {
            return;
        }
        if (answer.isArray()) {
            JsonNode items = resolved.get("items");
            if (items != null) {
                for (JsonNode item : answer) {
                    compare(document, items, item, where + "[]", undocumented, depth + 1);
                }
            }
            return;
        }
        if (!answer.isObject()) {
            return;
        }
        JsonNode properties = properties(document, resolved);
        JsonNode additional = resolved.get("additionalProperties");
        for (var field : answer.properties()) {
            JsonNode property = properties == null ? null : properties.get(field.getKey());
            if (property == null && additional != null && additional.isObject()) {
                property = additional;
            }
            if (property == null) {
                if (additional == null || !additional.asBoolean(false)) {
                    undocumented.add(where + "." + field.getKey());
                }
                continue;
            }
            compare(document, property, field.getValue(), where + "." + field.getKey(), undocumented, depth + 1);
        }
    }

    /** The properties of an object schema, those of its {@code allOf} parts included. */
    private static @Nullable JsonNode properties(JsonNode document, JsonNode schema) {
        if (schema.has("properties")) {
            return schema.get("properties");
        }
        if (schema.has("allOf")) {
            var merged = tools.jackson.databind.json.JsonMapper.shared().createObjectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode properties = properties(document, resolve(document, part));
                if (properties != null) {
                    merged.setAll((tools.jackson.databind.node.ObjectNode) properties);
                }
            }
            return merged;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = pointer(document, current.get("$ref").asString());
        }
        // A nullable field in OpenAPI 3.1: {"oneOf"/"anyOf": [{"$ref": ...}, {"type": "null"}]}.
        for (String combination : List.of("oneOf", "anyOf")) {
            if (current.has(combination)) {
                for (JsonNode option : current.get(combination)) {
                    if (!"null".equals(option.path("type").asString(""))) {
                        return resolve(document, option);
                    }
                }
            }
        }
        return current;
    }

    private static JsonNode pointer(JsonNode document, String ref) {
        return document.at(ref.substring(1));
    }

    private static @Nullable JsonNode responseSchema(JsonNode document, String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        for (var status : operation.path("responses").properties()) {
            if (status.getKey().startsWith("2")) {
                Iterator<JsonNode> media = status.getValue().path("content").values().iterator();
                if (media.hasNext()) {
                    return media.next().get("schema");
                }
            }
        }
        return null;
    }

    private static List<JsonNode> parameters(JsonNode document, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
        return parameters;
    }

    private static List<String> parameterNames(JsonNode document, String path, String method) {
        return parameters(document, document.get("paths").get(path).get(method)).stream()
                .map(p -> p.get("name").asString()).toList();
    }

    /** A value the parameter's description offers: its example, its default, its first allowed value, ... */
    private static String value(JsonNode document, JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example").asString();
        }
        JsonNode schema = resolve(document, parameter.path("schema"));
        if (schema.has("items")) {
            schema = resolve(document, schema.get("items"));
        }
        if (schema.has("example")) {
            return schema.get("example").asString();
        }
        if (schema.has("default")) {
            return schema.get("default").asString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String type = schema.path("type").isArray() ? schema.get("type").get(0).asString()
                : schema.path("type").asString("string");
        return switch (type) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum").asString() : "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }
}
