package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Search that answers the question typed (issue 14), through the API on enriched articles: long questions relax to
 * most of their words, exclusions alone exclude, scoped names rank by salience, places are found by name.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-relevance")
class RelevanceIntegrationTests extends ArchiveServerTest {
    String opecId;
    String iranId;
    String tableId;
    String assadId;
    String idlibId;

    @BeforeEach
    void ingest() {
        opecId = post("OPEC keeps oil production quotas after Vienna meeting", """
                What did OPEC decide about output in Vienna? Oil ministers meeting in Vienna decided on Saturday to keep \
                production quotas unchanged until June, delegates said.""");
        iranId = post("Iran says it will raise oil exports", """
                Iran will raise its crude oil exports next month, the oil ministry in Tehran said on Sunday.

                Iran has been producing above its quota, and Iranian officials said Iran would not cut output \
                while the war goes on. Iran's exports go mainly to Japan.""");
        tableId = post("Gulf Shipping Co first quarter results", """
                Shr 1.20 dlrs vs 1.05 dlrs
                Net 12.5 mln vs 10.1 mln
                Revs 200.4 mln vs 180.2 mln
                Avg shrs 10.4 mln vs 9.6 mln
                Nine mths shr 3.10 dlrs vs 2.95 dlrs
                Nine mths net 32.3 mln vs 28.4 mln
                Nine mths revs 610.2 mln vs 570.3 mln
                Backlog 1.2 billion dlrs vs 1.1 billion dlrs
                Cargo volume 4.4 mln tonnes vs 4.1 mln tonnes
                Fleet 41 vessels vs 38 vessels

                Note: results exclude charter revenue from Iran.""");
        assadId = post("Assad meets UN envoy in Damascus", """
                President Bashar al-Assad met the United Nations envoy in Damascus on Tuesday to discuss the \
                ceasefire, state media said.""");
        idlibId = post("Aid convoy reaches Idlib", """
                A convoy reached Idlib province on Monday, the United Nations said.""");
    }

    private String post(String title, String body) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": %s, "body": %s, "published": "2024-02-01"}""".formatted(json(title), json(body)));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private JsonNode search(String q) {
        Http.Response response = http.get("/api/search?q=" + Http.encode(q));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldFindTheArticlesWithMostWordsOfATenWordQuestionWhenOneRareWordIsInNoArticle() {
        JsonNode result = search("what did OPEC decide about oil production quotas in zyxwqvine");

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(result.get("matched").asString()).isEqualTo("most");
    }

    @Test
    void shouldRankTheArticleWithAllWordsOfALongQuestionFirstAndSaySo() {
        JsonNode result = search("what did OPEC decide about oil production quotas in Vienna");

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(ids(result.get("hits"))).contains(iranId);
        assertThat(result.get("matched").asString()).isEqualTo("all");
    }

    @Test
    void shouldNotRequireTheQuestionWordsOfALongQuestion() {
        // "how" and "were" are in no article: the article with every other word still has "all" of the question.
        JsonNode result = search("how were OPEC oil production quotas decided in Vienna");

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(result.get("matched").asString()).isEqualTo("all");
    }

    @Test
    void shouldSearchASentenceTypedInCapitalsAsWordsNotOperators() {
        // In lower case, AND would require every word (and find nothing: zyxwqvine is in no article).
        JsonNode result = search("OPEC OIL PRODUCTION AND QUOTAS IN ZYXWQVINE OR VIENNA");

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(result.get("matched").asString()).isEqualTo("most");
        assertThat(search("OPEC AND oil production quotas zyxwqvine").get("total").asLong()).isZero();
    }

    @Test
    void shouldSearchAPastedParagraphOfMoreThanSixtyFourWords() {
        String paragraph = "Delegates of the oil exporting countries said after the meeting that the production quotas"
                + " agreed in Vienna would hold until June, and that no member had asked for a larger share. ".repeat(3);
        assertThat(paragraph.split(" ")).hasSizeGreaterThan(64);

        JsonNode result = search(paragraph);

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
    }

    @Test
    void shouldSearchAPastedTextOfFourThousandCharactersWhoseUrlIsLongerThanEightKilobytes() {
        // 3,000 characters of English and 990 of Japanese (nine bytes each once percent-encoded): about 12 KB in the
        // URL, more than the 8 KB of request line and headers that the web server takes by default.
        String english = "Delegates of the oil exporting countries said the production quotas agreed in Vienna would"
                + " hold until June. ";
        String text = english.repeat(3000 / english.length() + 1).substring(0, 3000) + " "
                + "石油輸出国機構の生産枠".repeat(90);
        assertThat(text).hasSize(3991);
        assertThat(Http.encode(text).length()).isGreaterThan(10 * 1024);

        JsonNode result = search(text);

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(result.get("matched").asString()).isEqualTo("most");
    }

    @Test
    void shouldAnswerAThousandChineseCharactersAndRefuseOneMoreWithAProblem() {
        String thousand = "石油输出国组织决定维持产量配额".repeat(66) + "石油输出国组织决定维";
        assertThat(thousand).hasSize(1000);

        assertThat(search(thousand).get("total").asLong()).isNotNegative();
        Http.Response refused = http.get("/api/search?q=" + Http.encode(thousand + "油"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("1000 Chinese characters");
    }

    @Test
    void shouldAnswerFourThousandCharactersOfDistinctMadeUpWordsWithoutAnError() {
        // The most terms a query of the longest length can hold (about 570 distinct words): one query for
        // Elasticsearch, which must neither fail nor refuse it.
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 3990; i++) {
            words.append("qx").append(Integer.toString(i, 36)).append(i % 7 == 0 ? " oil " : " ");
        }
        String text = words.substring(0, 3990).trim();

        JsonNode result = search(text);

        assertThat(result.get("total").asLong()).isPositive();
        assertThat(ids(result.get("hits"))).contains(opecId, iranId);
    }

    @Test
    void shouldRefuseAQueryLongerThanFourThousandCharactersWithAProblem() {
        Http.Response response = http.get("/api/search?q=" + Http.encode("oil ".repeat(1000) + "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("4001 characters", "4000");
    }

    @Test
    void shouldKeepRequiringEveryWordWithAnExplicitAnd() {
        JsonNode result = search("OPEC AND oil production quotas zyxwqvine");

        assertThat(result.get("total").asLong()).isZero();
        assertThat(result.get("hits")).isEmpty();
    }

    @Test
    void shouldRequireEveryWordOfAShortQueryWhileSomeArticleHasThemAll() {
        JsonNode both = search("oil quotas");
        assertThat(ids(both.get("hits"))).containsExactlyInAnyOrder(opecId, iranId);
        assertThat(both.get("matched").asString()).isEqualTo("all");
        assertThat(ids(search("oil ministers").get("hits"))).containsExactly(opecId);
    }

    @Test
    void shouldAnswerAShortQueryThatNoArticleHasWholeWithThoseHavingMostOfIt() {
        JsonNode result = search("quotas zyxwqvine");

        assertThat(ids(result.get("hits"))).containsExactlyInAnyOrder(opecId, iranId);
        assertThat(result.get("total").asLong()).isEqualTo(2);
        assertThat(result.get("matched").asString()).isEqualTo("most");
        assertThat(search("zyxwqvine").get("total").asLong()).isZero();
        assertThat(search("quotas AND zyxwqvine").get("total").asLong()).isZero();
    }

    @Test
    void shouldAnswerAQuotedPhraseNoArticleHasWithTheArticlesHavingMostOfItsWords() {
        JsonNode result = search("\"OPEC production quotas for zyxwqvine\" Vienna");

        assertThat(ids(result.get("hits"))).first().isEqualTo(opecId);
        assertThat(result.get("matched").asString()).isEqualTo("most");
        // An excluded phrase stays an exclusion, and a phrase some article has stays required.
        assertThat(search("-\"zyxwqvine quotas\"").get("total").asLong()).isPositive();
        assertThat(ids(search("\"production quotas\"").get("hits"))).contains(opecId).doesNotContain(assadId);
    }

    @Test
    void shouldExcludeWhenTheQueryIsOnlyAnExclusion() {
        JsonNode result = search("-assad");

        List<String> hits = ids(result.get("hits"));
        assertThat(hits).doesNotContain(assadId).contains(idlibId, opecId);
        assertThat(search("assad").get("hits")).extracting(h -> h.get("id").asString()).contains(assadId);
    }

    @Test
    void shouldRankAnArticleAboutIranAboveATableNamingItOnce() {
        JsonNode result = search("place:iran");

        List<String> hits = ids(result.get("hits"));
        assertThat(hits).contains(iranId, tableId);
        assertThat(hits.indexOf(iranId)).isLessThan(hits.indexOf(tableId));
        assertThat(salience(iranId, "Iran")).isGreaterThan(0.7);
        assertThat(salience(tableId, "Iran")).isLessThan(0.3);
    }

    @Test
    void shouldRankBySalienceWhenAPlaceIsSelectedAsAFilter() {
        JsonNode result = http.get("/api/search?place=" + Http.encode("place:country:IR")).json();

        List<String> hits = ids(result.get("hits"));
        assertThat(hits).contains(iranId, tableId);
        assertThat(hits.indexOf(iranId)).isLessThan(hits.indexOf(tableId));
    }

    @Test
    void shouldFindAResolvedPlaceByItsNameInThePlaceFacet() {
        Http.Response response = http.get("/api/facets/place?contains=" + Http.encode("idli"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        response.json().get("values").forEach(v -> labels.add(v.get("label").asString()));
        assertThat(labels).isNotEmpty().allMatch(label -> label.toLowerCase().contains("idli"));
        JsonNode idlib = response.json().get("values").get(0);
        assertThat(idlib.get("value").asString()).startsWith("place:").doesNotContain("unresolved");
        assertThat(idlib.get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/facets/place?contains=" + Http.encode("Syri")).json().get("values"))
                .extracting(v -> v.get("value").asString()).contains("place:country:SY");
    }

    private double salience(String articleId, String place) {
        for (JsonNode entry : http.get("/api/articles/" + articleId).json().get("entities").get("places")) {
            if (entry.get("name").asString().equals(place)) {
                return entry.get("salience").asDouble();
            }
        }
        throw new AssertionError(place + " is not a place of " + articleId);
    }
}
