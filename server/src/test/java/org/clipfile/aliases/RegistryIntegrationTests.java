package org.clipfile.aliases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.Article;
import org.clipfile.entity.Enrichment;
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
 * Editors correct the alias registry over HTTP; a re-index applies the corrections to articles already indexed,
 * from their stored entities, and moves the alias to the new index without losing an article.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-registry")
class RegistryIntegrationTests extends ArchiveServerTest {
    static final int ARTICLES = 1_500;

    private static Article article(int n, EntityFacet group) {
        return new Article("reg-" + n, "Statement " + n, "Kataib Zeta issued statement number " + n + ".",
                Instant.parse("2024-05-01T00:00:00Z").plusSeconds(n * 3600L), "Test Wire", null, null, List.of(),
                null, "en", Instant.now(), "hash-" + n, new Enrichment(List.of(), List.of(group), List.of()));
    }

    @Test
    void shouldApplyARegistryCorrectionToIndexedArticlesByReindexing() throws Exception {
        EntityFacet unregistered = new EntityFacet("group:kataib-zeta", "Kataib Zeta", "group",
                List.of("kataib zeta"), 1);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(article(i, unregistered));
        }
        index.saveAll(articles, true);
        String before = index.currentIndex();

        Http.Response put = http.put("/api/entities/group:zeta-brigade", "application/json", """
                {"name": "Zeta Brigade", "aliases": ["Kataib Zeta", "ZB Brigade"]}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(http.post("/api/admin/reindex?apply_registry=true", "application/json", "").status())
                .isEqualTo(202);
        JsonNode status = ReindexRuns.awaitEnd(http, Duration.ofMinutes(3));

        assertThat(status.get("copied").asLong()).isEqualTo(ARTICLES);
        assertThat(status.get("failed").asLong()).isZero();
        assertThat(index.currentIndex()).isNotEqualTo(before).isEqualTo(status.get("to").asString());
        JsonNode search = http.get("/api/search?group=group:zeta-brigade&size=1").json();
        assertThat(search.get("total").asLong()).isEqualTo(ARTICLES);
        assertThat(http.get("/api/search?group=group:kataib-zeta&size=1").json().get("total").asLong()).isZero();
        JsonNode article = http.get("/api/articles/reg-7").json();
        assertThat(article.get("entities").get("groups").get(0).get("name").asString()).isEqualTo("Zeta Brigade");
        assertThat(TestElasticsearch.client().indices().exists(e -> e.index(before)).value())
                .as("the old index stays for a roll-back").isTrue();
    }

    @Test
    void shouldUseAnEditedAliasForNewArticlesAtOnce() {
        assertThat(http.put("/api/entities/group:river-guard", "application/json", """
                {"name": "River Guard Battalion", "aliases": ["Liwa al-Nahr"]}""").status()).isEqualTo(200);

        String id = http.post("/api/articles", "application/json", """
                {"title": "Clashes on the river", "body": "Fighters of Liwa al-Nahr clashed with the army on \
                Sunday, residents said."}""").json().get("id").asString();

        JsonNode groups = http.get("/api/articles/" + id).json().get("entities").get("groups");
        List<String> ids = new ArrayList<>();
        groups.forEach(g -> ids.add(g.get("id").asString()));
        assertThat(ids).contains("group:river-guard");
    }

    @Test
    void shouldRefuseANameThatAlreadyMeansAnotherEntity() {
        http.put("/api/entities/group:north-front", "application/json", """
                {"name": "North Front", "aliases": ["Jabhat al-Shamal"]}""");

        Http.Response clash = http.put("/api/entities/group:northern-front", "application/json", """
                {"name": "Northern Front", "aliases": ["Jabhat al-Shamal"]}""");

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("detail").asString()).contains("group:north-front");
    }

    @Test
    void shouldRefuseEditingPlacesAndRemovingUnknownEntities() {
        assertThat(http.put("/api/entities/place:country:SY", "application/json", """
                {"name": "Syria"}""").status()).isEqualTo(400);
        assertThat(http.put("/api/entities/group:no-name", "application/json", "{}").status()).isEqualTo(400);
        assertThat(http.delete("/api/entities/group:never-registered").status()).isEqualTo(404);
    }

    @Test
    void shouldRemoveAnEntityFromTheRegistry() {
        http.put("/api/entities/person:test-person", "application/json", """
                {"name": "Test Person", "aliases": []}""");

        assertThat(http.delete("/api/entities/person:test-person").status()).isEqualTo(204);
        assertThat(http.delete("/api/entities/person:test-person").status()).isEqualTo(404);
    }
}
