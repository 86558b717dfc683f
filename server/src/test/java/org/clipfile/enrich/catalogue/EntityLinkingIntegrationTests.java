package org.clipfile.enrich.catalogue;

import static org.clipfile.enrich.catalogue.Facets.group;
import static org.clipfile.enrich.catalogue.Facets.person;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ReindexRuns;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Linking across the archive on a real Elasticsearch: articles indexed with what each alone made of its entities,
 * then a re-index that rebuilds the entity catalogue from the stored enrichment and links them; and recognition
 * through the server for sign-offs and headlines in capitals.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-linking", "clipfile.entities.relink-after-import=0"})
class EntityLinkingIntegrationTests extends ArchiveServerTest {
    private int next;

    private String save(List<Article> batch, EntityFacet... entities) {
        String id = "link-" + next++;
        batch.add(Facets.stored(id, next, entities));
        return id;
    }

    private void times(List<Article> batch, int n, EntityFacet... entities) {
        for (int i = 0; i < n; i++) {
            save(batch, entities);
        }
    }

    @Test
    void shouldLinkAcronymsAndSurnamesAcrossTheArchiveByReindexingWithReasons() throws Exception {
        List<Article> batch = new ArrayList<>();
        times(batch, 3, group("International Business Machines Corp", "IBM"));
        String ibmOnly = save(batch, group("IBM"));
        times(batch, 6, person("James Baker", "Baker"), person("Paul Volcker"), group("Treasury"));
        times(batch, 3, person("Howard Baker", "Baker"), group("White House"), person("Oliver North"));
        String bakerAtTheTreasury = save(batch, person("Baker"), person("Paul Volcker"), group("Treasury"));
        String bakerAlone = save(batch, person("Baker"));
        times(batch, 3, person("Ronald Reagan", "Reagan"), group("Congress"));
        times(batch, 3, person("Donald Regan", "Regan"), group("White House"));
        String reganAlone = save(batch, person("Regan"));
        String reaganAlone = save(batch, person("Reagan"));
        index.saveAll(batch, true);

        assertThat(http.post("/api/admin/reindex", "application/json", "").status()).isEqualTo(202);
        ReindexRuns.awaitEnd(http, Duration.ofMinutes(3));

        assertThat(groupValuesContaining("business")).isEmpty();
        assertThat(groupValuesContaining("ibm")).containsExactly(Map.entry("group:ibm", 4L));
        assertThat(people(ibmOnly)).isEmpty();
        assertThat(groups(ibmOnly)).containsExactly("group:ibm");

        assertThat(people(bakerAtTheTreasury)).contains("person:james-baker").doesNotContain("person:baker");
        assertThat(people(bakerAlone)).containsExactly("person:baker");
        JsonNode linked = entity(bakerAtTheTreasury, "person:james-baker");
        assertThat(linked.get("linked").get(0).get("from_id") == null
                ? linked.get("linked").get(0).get("fromId").asString()
                : linked.get("linked").get(0).get("from_id").asString()).isEqualTo("person:baker");
        assertThat(linked.get("linked").get(0).get("reason").asString()).startsWith("context:").contains("Treasury");

        assertThat(people(reganAlone)).containsExactly("person:donald-regan");
        assertThat(people(reaganAlone)).containsExactly("person:ronald-reagan");
        assertThat(http.get("/api/search?person=person:ronald-reagan&size=1").json().get("total").asLong())
                .isEqualTo(4);

        GetResponse<Map> catalogued = TestElasticsearch.client().get(g -> g.index("it-linking-entities")
                .id("group:international-business-machines-corp"), Map.class);
        assertThat(catalogued.found()).isTrue();
        assertThat(catalogued.source()).containsEntry("linked_to", "group:ibm");
        assertThat((String) catalogued.source().get("link_reason")).startsWith("acronym");
    }

    @Test
    void shouldNeverMakeTheWireSignOffOrAHeadlineInCapitalsAPerson() {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "BAKER SAYS HE OPPOSES TAX RISE, BROWN DISAGREES",
                 "body": "Treasury Secretary James Baker said on Tuesday that he opposed a rise in taxes. Senator \
                Robert Byrd said he would discuss it with E.F. Hutton and Co Inc.\\n\\nREUTER",
                 "published": "1987-03-03", "source": "Test Wire"}""");
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        JsonNode article = http.get("/api/articles/" + created.json().get("id").asString()).json();

        List<String> people = ids(article.get("entities").get("people"));
        List<String> groups = ids(article.get("entities").get("groups"));
        assertThat(people).contains("person:james-baker", "person:robert-byrd")
                .noneMatch(id -> id.contains("reuter") || id.equals("person:he") || id.equals("person:brown")
                        || id.contains("hutton"));
        assertThat(groups).anyMatch(id -> id.contains("hutton"));
    }

    private Map<String, Long> groupValuesContaining(String word) {
        Map<String, Long> values = new HashMap<>();
        http.get("/api/facets/group?contains=" + word).json().get("values")
                .forEach(v -> values.put(v.get("value").asString(), v.get("count").asLong()));
        return values;
    }

    private List<String> people(String article) {
        return ids(http.get("/api/articles/" + article).json().get("entities").get("people"));
    }

    private List<String> groups(String article) {
        return ids(http.get("/api/articles/" + article).json().get("entities").get("groups"));
    }

    private JsonNode entity(String article, String id) {
        for (JsonNode person : http.get("/api/articles/" + article).json().get("entities").get("people")) {
            if (person.get("id").asString().equals(id)) {
                return person;
            }
        }
        throw new AssertionError(id + " not in " + article);
    }
}
