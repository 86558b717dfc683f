package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The names check through the real server path ({@code POST /api/articles}: enrichment, then the copy lookup, on a real
 * Elasticsearch): two template notices of two different banks, whose words differ only in the bank's name, stay two
 * stories; a reprint of one under a new headline joins it.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-copies-names")
class NamesAgreeIntegrationTests extends ArchiveServerTest {
    @Autowired
    ElasticsearchClient client;

    /** A prime-rate notice naming its bank once; {@code marker} salts the rest so no other test's text is similar. */
    static String notice(String bank, String marker) {
        StringBuilder rest = new StringBuilder();
        String tail = "The cut follows a reduction in the central bank rate on Thursday and matches the moves of the "
                + "other large lenders during the day. Rates on consumer loans and mortgages linked to the prime will "
                + "fall from Friday, dealers said, and further cuts are expected within weeks.";
        for (String word : tail.split(" ")) {
            rest.append(word).append(word.length() % 2 == 0 ? " " + marker + " " : " ");
        }
        return bank + " said it is cutting its prime lending rate to 8-3/4 pct from 9-1/4 pct, effective tomorrow. "
                + rest.toString().strip();
    }

    private String post(String title, String body, String source) {
        Http.Response response = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "%s", "source": "%s", "published": "1987-03-12"}""".formatted(title, body,
                source));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedNames(String id) throws IOException {
        var source = client.get(g -> g.index(index.alias()).id(id), java.util.Map.class).source();
        assertThat(source).isNotNull();
        return (List<String>) ((java.util.Map<String, Object>) source.get("dup")).get("names");
    }

    @Test
    void shouldKeepTwoBanksNoticesApartAndJoinAReprintUnderANewHeadline() throws IOException {
        String marker = "primex" + System.nanoTime();
        String montreal = post("Bank of Montreal cuts prime rate", notice("Bank of Montreal", marker), "Wire A");
        String scotia = post("Bank of Nova Scotia cuts prime rate", notice("Bank of Nova Scotia", marker), "Wire B");
        String trimmed = notice("Bank of Montreal", marker);
        trimmed = trimmed.substring(0, trimmed.indexOf(" Rates on")).replace("Thursday", "Thursday,");
        String reprint = post("Lender trims what it charges best customers", trimmed, "Daily Paper");

        assertThat(storedNames(montreal)).as("enriched before the copy lookup, names stored beside the sketch")
                .contains("group:bank-of-montreal");
        assertThat(storedNames(scotia)).contains("group:bank-of-nova-scotia");
        JsonNode collapsed = http.get("/api/search?q=" + marker).json();
        List<String> leaders = new ArrayList<>();
        collapsed.get("hits").forEach(h -> leaders.add(h.get("cluster").asString()));
        assertThat(leaders).as("one hit per bank").containsExactlyInAnyOrder(montreal, scotia);
        for (JsonNode hit : collapsed.get("hits")) {
            long expected = hit.get("cluster").asString().equals(montreal) ? 1 : 0;
            assertThat(hit.get("copies").asLong()).as(hit.get("title").asString()).isEqualTo(expected);
        }
        assertThat(ids(http.get("/api/search?collapse=false&q=" + marker).json().get("hits")))
                .containsExactlyInAnyOrder(montreal, scotia, reprint);
    }
}
