package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.RandomInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * Random and hostile input thrown at every public endpoint of a server on a real Elasticsearch: whatever comes in,
 * the answer is a success or a 4xx problem, never a 5xx, and nothing hangs (the timeouts fail the test). The seed
 * is fixed and printed with any failure; {@code -Dclipfile.fuzz.seed=} draws other inputs.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-fuzz")
class EndpointFuzzIntegrationTests extends ArchiveServerTest {
    static final List<String> GET_PATHS = List.of("/api/search", "/api/facets/person", "/api/facets/place",
            "/api/facets/{x}", "/api/export", "/api/map", "/api/entities", "/api/entities/{x}",
            "/api/entities/person:{x}", "/api/articles/{x}", "/api/articles/{x}/related",
            "/api/articles/{x}/annotations", "/api/articles/{x}/copies", "/api/articles/{x}/versions",
            "/api/takedowns", "/api/imports", "/api/imports/{x}", "/api/imports/{x}/failures",
            "/api/admin/reindex", "/api/curation/edits", "/api/curation/entities/{x}",
            "/api/curation/entities/person:{x}", "/api/curation/reindex", "/api/audit", "/api/audit/export");
    static final List<String> PARAMETERS = List.of("q", "person", "-person", "group", "place", "-place",
            "country", "source", "section", "tag", "label", "-label", "language", "from", "to", "sort", "page", "size",
            "cursor", "facet_size", "bbox", "format", "zoom", "cells", "prefix", "type", "contains", "order", "name",
            "user", "action", "collapse", "entity", "undone");

    @BeforeEach
    void setUp() throws IOException {
        http.post("/api/articles", "application/json", """
                {"title": "Raid in Idlib", "body": "John Kirby said US forces raided a compound in Idlib, Syria."}""");
    }

    /** A value a careless or hostile client might send. */
    static String value(RandomInputs r) {
        return switch (r.between(0, 11)) {
            case 0 -> r.anyChars(200);
            case 1 -> r.string("ab \"()-*~:^ORANDNOT12", 0, 300);
            case 2 -> "(".repeat(r.between(1, 400)) + "x" + ")".repeat(r.between(0, 400));
            case 3 -> "x".repeat(r.between(900, 5000));
            case 4 -> r.pick("-1", "0", "2147483648", "99999999999999999999", "NaN", "1e9", "-0", "0x10");
            case 5 -> r.pick("2024-13-45", "0000-00-00", "2024-02-30", "+999999999-12-31", "yesterday", "2024",
                    "2024-02", "2024-02-03T25:00:00Z");
            case 6 -> r.pick("1,2,3,4", "-181,0,0,0", "0,95,1,1", "a,b,c,d", ",,,", "10,0,-10,5", "1,2,3,4,5");
            case 7 -> r.pick("csv", "ndjson", "xml", "", "CSV", "relevance", "newest", "name", "count", "person",
                    "place", "ship");
            case 8 -> r.string("abcdefghijklmnopqrstuvwxyz0123456789:-_.", 0, 60);
            case 9 -> r.pick("place:country:SY", "person:john-kirby", "group:", "place:", ":", "%", "..", "../..");
            case 10 -> "\"" + r.anyChars(50) + "\"~" + r.pick("5", "-1", "100000", "x");
            default -> r.pick("*", "a*", "?", "~", "title:", "person:(", "OR", "-", "\\", "\u0000", "\uD800");
        };
    }

    static String url(RandomInputs r) {
        String path = r.pick(GET_PATHS).replace("{x}", Http.encode(value(r)).replace("+", "%20"));
        List<String> pairs = new ArrayList<>();
        int count = r.between(0, 6);
        for (int i = 0; i < count; i++) {
            pairs.add(Http.encode(r.pick(PARAMETERS)) + "=" + Http.encode(value(r)));
        }
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }

    private static void assertNoServerError(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 499);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("a problem, not a bare error").startsWith("application/problem+json");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRandomReadWithAResultOrAProblem() {
        RandomInputs.forAll(300, EndpointFuzzIntegrationTests::url, url -> assertNoServerError(http.get(url)));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRandomArticleWithAResultOrAProblem() {
        RandomInputs.forAll(80, r -> switch (r.between(0, 5)) {
            case 0 -> List.of("application/json", r.anyChars(300));
            case 1 -> List.of("application/json", "{\"title\": " + r.pick("1", "null", "[]", "{}", "\"\"",
                    "\"" + "t".repeat(r.between(990, 1100)) + "\"") + ", \"body\": \"" + r.string("ab ", 0, 50)
                    + "\", \"published\": \"" + value(r).replace("\"", "") + "\", \"tags\": " + r.pick("[]",
                    "[1]", "\"x\"", "[\"" + "t".repeat(300) + "\"]") + "}");
            case 2 -> List.of("text/plain", r.anyChars(500));
            case 3 -> List.of("text/html", "<html><head><title>" + r.anyChars(80) + "</title></head><body><p>"
                    + r.anyChars(300) + "<script>alert(1)</script></p></body></html>");
            case 4 -> List.of(r.pick("application/xml", "image/png", "text/csv", "multipart/form-data"),
                    r.anyChars(100));
            default -> List.of("application/json", "{\"title\": \"" + r.string("abc", 1, 20)
                    + "\", \"body\": \"" + r.string("abc \\n", 1, 2000).replace("\\", "\\\\") + "\"}");
        }, input -> assertNoServerError(http.post("/api/articles", input.get(0), input.get(1))));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRandomRegistryEditWithAResultOrAProblem() {
        RandomInputs.forAll(60, r -> List.of(
                r.pick("group:", "person:", "place:", "", "x:") + Http.encode(value(r)).replace("+", "%20"),
                r.pick("{}", "[]", "null", r.anyChars(100), "{\"name\": " + r.pick("1", "null", "\"\"", "\" \"",
                        "\"" + r.string("abc XYZ-", 1, 40) + "\"") + ", \"aliases\": " + r.pick("null", "[]",
                        "[null]", "[\"\"]", "[\"" + r.string("abc XYZ-", 1, 40) + "\"]", "\"x\"") + "}")),
                input -> {
                    assertNoServerError(http.put("/api/entities/" + input.get(0), "application/json", input.get(1)));
                    assertNoServerError(http.delete("/api/entities/" + input.get(0)));
                });
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRandomCurationEditWithAResultOrAProblem() {
        RandomInputs.forAll(60, r -> List.of(r.pick("{}", "[]", "null", r.anyChars(100), "{\"action\": "
                + r.pick("1", "null", "\"\"", "\"merge\"", "\"split\"", "\"rename\"", "\"retype\"", "\"not_entity\"",
                        "\"" + r.string("abc_-", 1, 30) + "\"") + ", \"entity\": " + r.pick("null", "1", "[]",
                        "\"person:john-kirby\"", "\"group:\"", "\"" + value(r).replace("\\", "").replace("\"", "") + "\"")
                + ", \"other\": " + r.pick("null", "\"person:kirby\"", "\"" + r.string("a:-", 0, 30) + "\"")
                + ", \"name\": " + r.pick("null", "\"\"", "\"" + "n".repeat(r.between(1, 1200)) + "\"")
                + ", \"type\": " + r.pick("null", "\"person\"", "\"group\"", "\"place\"", "\"ship\"") + "}"),
                Http.encode(value(r)).replace("+", "%20")),
                input -> {
                    assertNoServerError(http.post("/api/curation/edits", "application/json", input.get(0)));
                    assertNoServerError(http.delete("/api/curation/edits/" + input.get(1)));
                });
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEveryRandomImportWithAProblemOrAJob() {
        http.awaitImportsStarted();
        RandomInputs.forAll(12, r -> List.of(r.pick("x.zip", "x.ndjson", "x.sgm", "x.json", "x.html",
                "../../etc/passwd", "x"), r.bytes(2000)), input -> assertNoServerError(http.post(
                        "/api/imports?name=" + Http.encode((String) input.get(0)), "application/octet-stream",
                        (byte[]) input.get(1))));
        RandomInputs.forAll(12, r -> "{\"path\": \"" + r.pick("/etc", "../..", "", "/", "\\u0000",
                r.string("/abc.", 0, 30)) + "\"}", body -> assertNoServerError(http.post("/api/imports",
                        "application/json", body)));
    }
}
