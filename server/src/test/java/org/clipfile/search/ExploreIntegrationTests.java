package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The map, the bounding-box filter, entity pages and suggestions, related articles and marked names. */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-explore")
class ExploreIntegrationTests extends ArchiveServerTest {
    static final String SYRIA_BOX = "35.5,32.3,42.4,37.3";

    String raid;
    String convoy;
    String paris;

    @BeforeEach
    void ingest() throws IOException {
        raid = post("""
                {"title": "US forces raid a compound in Idlib", "body": "Pentagon spokesman John Kirby said US \
                forces raided a compound near Atme in Idlib province, Syria. Kirby said Hayat Tahrir al-Sham \
                (HTS) controls the area.", "published": "2024-01-10", "source": "Test Wire"}""");
        convoy = post("""
                {"title": "Aid convoy reaches Idlib", "body": "A convoy reached Idlib province in Syria on Monday, \
                the United Nations said. HTS fighters escorted it.", "published": "2024-02-01", \
                "source": "Test Wire"}""");
        paris = post("""
                {"title": "Talks open in Paris", "body": "Diplomats met in Paris, France, on Tuesday. John Kirby \
                attended for the United States.", "published": "2024-03-05", "source": "Other Wire"}""");
    }

    private String post(String json) {
        Http.Response response = http.post("/api/articles", "application/json", json);
        assertThat(response.status()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    @Test
    void shouldCountArticlesPerMapCellWithTheNamesOfThePlacesInside() {
        JsonNode map = http.get("/api/map?zoom=3&source=" + Http.encode("Test Wire")).json();

        JsonNode syriaCell = null;
        for (JsonNode cell : map.get("cells")) {
            for (JsonNode place : cell.get("top")) {
                if (place.get("name").asString().equals("Syria")) {
                    syriaCell = cell;
                }
            }
        }
        assertThat(syriaCell).as("a cell naming Syria in %s", map).isNotNull();
        assertThat(syriaCell.get("count").asLong()).isEqualTo(2);
        BoundingBox box = BoundingBox.parse(syriaCell.get("bbox").get("west").asDouble() + ","
                + syriaCell.get("bbox").get("south").asDouble() + "," + syriaCell.get("bbox").get("east").asDouble()
                + "," + syriaCell.get("bbox").get("north").asDouble());
        assertThat(box.contains(syriaCell.get("lat").asDouble(), syriaCell.get("lon").asDouble()))
                .as("the centre lies in the cell, among its places, not among the articles' other places").isTrue();
        for (JsonNode cell : map.get("cells")) {
            for (JsonNode place : cell.get("top")) {
                assertThat(place.get("name").asString()).isNotEqualTo("Paris");
            }
        }
    }

    @Test
    void shouldFilterResultsToTheMapRectangleButNotTheMapItself() {
        JsonNode inSyria = http.get("/api/search?bbox=" + SYRIA_BOX).json();
        assertThat(ids(inSyria.get("hits"))).containsExactlyInAnyOrder(raid, convoy);
        assertThat(inSyria.get("total").asLong()).isEqualTo(2);

        JsonNode map = http.get("/api/map?zoom=2&bbox=" + SYRIA_BOX).json();
        long mapped = 0;
        for (JsonNode cell : map.get("cells")) {
            mapped += cell.get("count").asLong();
        }
        assertThat(mapped).as("the map keeps the places outside its rectangle").isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldAnswerABadRectangleWithAProblem() {
        Http.Response response = http.get("/api/search?bbox=1,2,3");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("west,south,east,north");
    }

    @Test
    void shouldShowAnEntityPageWithAliasesTimelineAndCompany() {
        JsonNode page = http.get("/api/entities/person:john-kirby").json();

        assertThat(page.get("name").asString()).isEqualTo("John Kirby");
        assertThat(page.get("type").asString()).isEqualTo("person");
        assertThat(page.get("articles").asLong()).isEqualTo(2);
        long timeline = 0;
        for (JsonNode bucket : page.get("timeline").get("buckets")) {
            timeline += bucket.get("count").asLong();
        }
        assertThat(timeline).isEqualTo(2);
        assertThat(ids(page.get("cooccurring").get("group"))).contains("group:hayat-tahrir-al-sham");
        assertThat(ids(page.get("cooccurring").get("place"))).contains("place:country:SY", "place:country:FR");
        assertThat(ids(page.get("cooccurring").get("person"))).doesNotContain("person:john-kirby");
    }

    @Test
    void shouldNarrowAnEntityPageToTheCurrentSearch() {
        JsonNode page = http.get("/api/entities/person:john-kirby?source=" + Http.encode("Other Wire")).json();

        assertThat(page.get("articles").asLong()).isEqualTo(1);
        assertThat(ids(page.get("cooccurring").get("group"))).doesNotContain("group:hayat-tahrir-al-sham");
    }

    @Test
    void shouldDescribeAPlaceWithItsPosition() {
        JsonNode page = http.get("/api/entities/place:country:SY").json();

        assertThat(page.get("articles").asLong()).isEqualTo(2);
        assertThat(page.get("place").get("kind").asString()).isEqualTo("country");
        assertThat(page.get("place").get("lat").isNumber()).isTrue();
    }

    @Test
    void shouldAnswerUnknownEntitiesWithNotFound() {
        assertThat(http.get("/api/entities/person:nobody-at-all").status()).isEqualTo(404);
        assertThat(http.get("/api/entities/kirby").status()).isEqualTo(404);
    }

    @Test
    void shouldSuggestEntitiesByTheStartOfAnyWordOfTheirNames() {
        JsonNode byLastName = http.get("/api/entities?prefix=kir").json();
        assertThat(ids(byLastName.get("entities"))).contains("person:john-kirby");
        assertThat(byLastName.get("entities").get(0).get("count").asLong()).isEqualTo(2);

        JsonNode byAlias = http.get("/api/entities?prefix=hts&type=group").json();
        assertThat(ids(byAlias.get("entities"))).containsExactly("group:hayat-tahrir-al-sham");

        JsonNode places = http.get("/api/entities?prefix=idl&type=place").json();
        assertThat(places.get("entities").get(0).get("name").asString()).startsWith("Idlib");

        assertThat(http.get("/api/entities?type=person").status()).isEqualTo(400);
        assertThat(http.get("/api/entities?prefix=a&type=ship").status()).isEqualTo(400);
    }

    @Test
    void shouldRelateArticlesSharingPlacesAndGroupsAndLeaveOutTheArticleItself() {
        JsonNode related = http.get("/api/articles/" + convoy + "/related").json();

        List<String> found = ids(related.get("hits"));
        assertThat(found).doesNotContain(convoy);
        assertThat(found.getFirst()).isEqualTo(raid);
        assertThat(http.get("/api/articles/no-such-article/related").status()).isEqualTo(404);
    }

    @Test
    void shouldMarkEntityNamesByTypeInSnippets() {
        JsonNode hit = http.get("/api/search?q=compound").json().get("hits").get(0);

        assertThat(hit.get("id").asString()).isEqualTo(raid);
        assertThat(hit.get("marked_snippet").asString())
                .contains("<span class=\"entity person\" data-id=\"person:john-kirby\">John Kirby</span>")
                .contains("<mark>compound</mark>");
    }

    @Test
    void shouldMarkWhereTheTextNamesItsEntities() {
        JsonNode article = http.get("/api/articles/" + raid).json();
        JsonNode annotations = http.get("/api/articles/" + raid + "/annotations").json();

        String body = article.get("body").asString();
        List<String> marked = new ArrayList<>();
        for (JsonNode span : annotations.get("body")) {
            marked.add(span.get("type").asString() + ":" + body.substring(span.get("start").asInt(),
                    span.get("end").asInt()));
        }
        assertThat(marked).contains("person:John Kirby", "person:Kirby", "group:Hayat Tahrir al-Sham",
                "group:HTS", "place:Syria");
        assertThat(marked).anyMatch(m -> m.startsWith("place:Idlib"));
        String title = article.get("title").asString();
        List<String> inTitle = new ArrayList<>();
        for (JsonNode span : annotations.get("title")) {
            inTitle.add(title.substring(span.get("start").asInt(), span.get("end").asInt()));
        }
        assertThat(inTitle).contains("Idlib");
    }
}
