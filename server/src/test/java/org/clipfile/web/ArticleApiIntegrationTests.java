package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The thinnest end-to-end path: ingest one article over HTTP, read it back, find it. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-api", "clipfile.ingest.max-article-chars=5000"})
class ArticleApiIntegrationTests extends ArchiveServerTest {
    static final String SEED_LAYOUT = """
            In Northwestern Syria, US Special Forces carried out a raid.

            syria

            US special troops chased down high-ranking terrorists in a rare aerial raid in northern Syria on \
            Thursday, according to the Pentagon.

            Observatory chief Rami Abdel Rahman told AFP that 13 people were killed near Atme.

            Exit mobile version""";

    @Test
    void shouldIngestJsonArticleAndReturnItById() {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "Port strike delays ships", "body": "Dock workers in Rotterdam walked out on Monday.",
                 "published": "2024-10-21", "source": "Test Wire", "tags": ["business"]}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode article = http.get("/api/articles/" + id).json();
        assertThat(article.get("title").asString()).isEqualTo("Port strike delays ships");
        assertThat(article.get("published").asString()).isEqualTo("2024-10-21T00:00:00Z");
        assertThat(article.get("tags").get(0).asString()).isEqualTo("business");
    }

    @Test
    void shouldParseTextInTheSeedLayout() {
        Http.Response created = http.post("/api/articles", "text/plain", SEED_LAYOUT);

        assertThat(created.status()).isIn(200, 201);
        JsonNode article = http.get("/api/articles/" + created.json().get("id").asString()).json();
        assertThat(article.get("title").asString())
                .isEqualTo("In Northwestern Syria, US Special Forces carried out a raid.");
        assertThat(article.get("section").asString()).isEqualTo("syria");
        assertThat(article.get("body").asString()).startsWith("US special troops").doesNotContain("Exit mobile");
    }

    @Test
    void shouldNotDuplicateAnArticlePostedTwice() throws IOException {
        String json = """
                {"title": "Unique headline about a dam", "body": "The dam near Mosul was repaired."}""";
        String first = http.post("/api/articles", "application/json", json).json().get("id").asString();
        Http.Response second = http.post("/api/articles", "application/json", json);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first);
        assertThat(second.json().get("created").asBoolean()).isFalse();
        JsonNode found = http.get("/api/search?q=" + Http.encode("dam Mosul")).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldReplaceTheOlderVersionOfTheSameUrl() {
        String url = "https://news.example.org/2024/flood";
        String v1 = http.post("/api/articles", "application/json", """
                {"title": "Flood warning", "body": "Rivers are rising in Valencia.", "url": "%s"}"""
                .formatted(url)).json().get("id").asString();
        Http.Response v2 = http.post("/api/articles", "application/json", """
                {"title": "Flood warning (updated)", "body": "Rivers burst their banks in Valencia.", "url": "%s"}"""
                .formatted(url + "#top"));

        assertThat(v2.json().get("id").asString()).isEqualTo(v1);
        assertThat(http.get("/api/articles/" + v1).json().get("title").asString())
                .isEqualTo("Flood warning (updated)");
    }

    @Test
    void shouldFindIngestedArticleWithHighlightedSnippet() {
        http.post("/api/articles", "application/json", """
                {"title": "Wildfire near Athens", "body": "Firefighters battled a wildfire north of Athens on \
                Sunday as winds drove the flames towards Marathon."}""");

        JsonNode result = http.get("/api/search?q=wildfire+marathon").json();

        assertThat(result.get("total").asLong()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("title").asString()).contains("<mark>Wildfire</mark>");
        assertThat(hit.get("snippet").asString()).contains("<mark>wildfire</mark>").contains("<mark>Marathon</mark>");
    }

    @Test
    void shouldEscapeMarkupInSnippets() {
        http.post("/api/articles", "application/json", """
                {"title": "Script kiddies", "body": "The page said <script>alert(1)</script> about the hackers."}""");

        String snippet = http.get("/api/search?q=hackers").json().get("hits").get(0).get("snippet").asString();

        assertThat(snippet).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void shouldAnswerProblemForMalformedJson() {
        Http.Response response = http.post("/api/articles", "application/json", "{\"title\": \"x\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(response.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void shouldAnswerProblemForEmptyBody() {
        Http.Response response = http.post("/api/articles", "application/json", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("The request body is empty");
    }

    @Test
    void shouldAnswerProblemForEmptyText() {
        Http.Response response = http.post("/api/articles", "text/plain", "  \n\n Exit mobile version\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-article");
    }

    @Test
    void shouldNameMissingFields() {
        Http.Response response = http.post("/api/articles", "application/json", "{\"title\": \"No body\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("body: body is required");
    }

    @Test
    void shouldAnswerProblemForBadDate() {
        Http.Response response = http.post("/api/articles", "application/json", """
                {"title": "t", "body": "b", "published": "last Tuesday"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("published must be an ISO date");
    }

    @Test
    void shouldRefuseOversizedArticleWith413() {
        Http.Response response = http.post("/api/articles", "text/plain", "Title\n\n" + "word ".repeat(2000));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/article-too-large");
    }

    @Test
    void shouldAnswer404ProblemForUnknownId() {
        Http.Response response = http.get("/api/articles/does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("does-not-exist");
    }

    @Test
    void shouldRejectPageSizeAbove100() {
        Http.Response response = http.get("/api/search?q=x&size=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("size must be between 1 and 100");
    }

    @Test
    void shouldRejectPagesBeyondTheResultWindow() {
        Http.Response response = http.get("/api/search?q=x&size=100&page=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("10000");
    }

    @Test
    void shouldAnswerQuerySyntaxErrorWithPositionAndHint() {
        Http.Response response = http.get("/api/search?q=" + Http.encode("raid \"special forces"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/query-syntax");
        assertThat(problem.get("detail").asString()).isEqualTo("q: unclosed quote (at character 5)");
        assertThat(problem.get("position").asInt()).isEqualTo(5);
        assertThat(problem.get("hint").asString()).isEqualTo("add a closing \" or remove the opening one");
    }

    @Test
    void shouldAnswer415ProblemForUnsupportedContentType() {
        Http.Response response = http.post("/api/articles", "application/xml", "<a/>");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
