package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** From ingest to facets: names resolved to canonical entities, places to their hierarchy, names found by key. */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-enriched")
class EnrichedSearchIntegrationTests extends ArchiveServerTest {
    String seedId;
    String idlibOnlyId;

    @BeforeEach
    void ingest() throws IOException {
        seedId = http.post("/api/articles", "text/plain", ArticleApiIntegrationTests.SEED_LAYOUT + """


                HTS has conducted sweeps against Hurras al-Deen in the Idlib province.""")
                .json().get("id").asString();
        idlibOnlyId = http.post("/api/articles", "application/json", """
                {"title": "Aid convoy reaches Idlib", "body": "A convoy reached Idlib province on Monday, \
                the United Nations said.", "published": "2024-02-01"}""").json().get("id").asString();
    }

    @Test
    void shouldResolvePeopleGroupsAndPlacesOfTheArticle() {
        JsonNode entities = http.get("/api/articles/" + seedId).json().get("entities");

        assertThat(ids(entities.get("people"))).contains("person:rami-abdel-rahman");
        assertThat(ids(entities.get("groups"))).contains("group:hayat-tahrir-al-sham");
        JsonNode idlib = null;
        for (JsonNode place : entities.get("places")) {
            if (place.get("name").asString().startsWith("Idlib")) {
                idlib = place;
            }
        }
        assertThat(idlib).isNotNull();
        assertThat(idlib.get("kind").asString()).isEqualTo("region");
        assertThat(idlib.get("country_code").asString()).isEqualTo("SY");
        assertThat(idlib.get("lat").isNumber()).isTrue();
    }

    @Test
    void shouldFindAnArabicNameInAnotherRomanisation() {
        JsonNode result = http.get("/api/search?q=" + Http.encode("Abd al-Rahman")).json();

        assertThat(ids(result.get("hits"))).contains(seedId);
    }

    @Test
    void shouldMatchAnArticleNamingOnlyARegionWhenItsCountryIsSelected() {
        JsonNode result = http.get("/api/search?place=" + Http.encode("place:country:SY")).json();

        assertThat(ids(result.get("hits"))).contains(idlibOnlyId, seedId);
        JsonNode syria = result.get("facets").get("place").get("values").get(0);
        assertThat(syria.get("label").asString()).isEqualTo("Syria");
        assertThat(syria.get("children").get(0).get("label").asString()).startsWith("Idlib");
    }

    @Test
    void shouldSearchPeopleByScope() {
        JsonNode result = http.get("/api/search?q=" + Http.encode("person:\"abdul rahman\"")).json();

        assertThat(ids(result.get("hits"))).containsExactly(seedId);
    }

    @Test
    void shouldExtractAnHtmlPage() {
        Http.Response created = http.post("/api/articles?url=" + Http.encode("https://news.example/raid"),
                "text/html", """
                <html lang="en"><head><title>Raid in Atme | Example News</title>
                <meta property="article:published_time" content="2024-02-04T08:00:00Z"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Raid in Atme</h1>
                <p>US special forces carried out a raid near Atme in northwestern Syria on Thursday.</p>
                <p>The Syrian Observatory for Human Rights said at least 13 people were killed in the operation.</p>
                </article><footer>Copyright Example News</footer></body></html>""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode article = http.get("/api/articles/" + created.json().get("id").asString()).json();
        assertThat(article.get("title").asString()).isEqualTo("Raid in Atme");
        assertThat(article.get("published").asString()).isEqualTo("2024-02-04T08:00:00Z");
        assertThat(article.get("body").asString()).contains("13 people").doesNotContain("Home").doesNotContain(
                "Copyright");
    }
}
