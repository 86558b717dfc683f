package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** No 10,000-result wall: exports and cursors reach every matching article. */
@ClipfileIntegrationTest
@TestPropertySource(properties = "clipfile.index.alias=it-export")
class ExportAndCursorIntegrationTests extends ArchiveServerTest {
    static final int ARTICLES = 10_050;

    @BeforeEach
    void indexManyArticles() throws IOException {
        if (index.count() >= ARTICLES + 1) {
            return;
        }
        List<Article> batch = new ArrayList<>();
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < ARTICLES; i++) {
            batch.add(new ArticleDraft("Harbour report " + i, "Report number " + i + " from the harbour.",
                    base.plusSeconds(3600L * i), "Harbour Wire", null, "ports", List.of("ports"), null, "en")
                    .toArticle(base));
            if (batch.size() == 1000) {
                assertThat(index.saveAll(batch, false)).isEmpty();
                batch.clear();
            }
        }
        assertThat(index.saveAll(batch, true)).isEmpty();
        index.saveAll(List.of(new ArticleDraft("=cmd|' /C calc'!A0", "A hostile harbour title.", base,
                "-Evil", null, null, List.of(), null, null).toArticle(base)), true);
    }

    @Test
    void shouldExportEveryMatchingArticleAsNdjsonWithProvenance() {
        Http.Response response = http.get("/api/export?format=ndjson&q=harbour&source=" + Http.encode("Harbour Wire"));

        assertThat(response.status()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        JsonNode provenance = JsonMapper.shared().readTree(lines.getFirst()).get("export");
        assertThat(provenance.get("query").asString()).isEqualTo("harbour");
        assertThat(provenance.get("parameters").asString()).contains("source=Harbour");
        assertThat(provenance.get("index").asString()).isEqualTo(index.indexName());
        assertThat(provenance.get("exported_at").asString()).isNotBlank();
        Set<String> ids = new HashSet<>();
        lines.subList(1, lines.size()).forEach(l -> ids.add(JsonMapper.shared().readTree(l).get("id").asString()));
        assertThat(ids).hasSize(ARTICLES);
    }

    @Test
    void shouldExportCsvWithFormulasNeutralised() {
        Http.Response response = http.get("/api/export?format=csv&q=hostile");

        assertThat(response.contentType()).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("\"# exported_at\",");
        assertThat(lines).anyMatch(l -> l.startsWith("\"id\",\"published\",\"title\",\"source\""));
        String row = lines.getLast();
        assertThat(row).contains("'=cmd|' /C calc'!A0").contains(",\"'-Evil\",").doesNotContain(",=cmd")
                .doesNotContain(",\"=cmd");
    }

    @Test
    void shouldWalkPastTenThousandResultsWithACursor() {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        int pages = 0;
        long total = -1;
        while (cursor != null) {
            JsonNode page = http.get("/api/search?q=harbour&sort=oldest&size=100&cursor=" + Http.encode(cursor))
                    .json();
            if (pages == 0) {
                total = page.get("total").asLong();
            }
            page.get("hits").forEach(h -> ids.add(h.get("id").asString()));
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asString();
            pages++;
        }
        assertThat(total).isEqualTo(ARTICLES + 1);
        assertThat(ids).hasSize(ARTICLES + 1);
        assertThat(pages).isGreaterThan(100);
    }

    @Test
    void shouldRefuseAForgedCursor() {
        Http.Response response = http.get("/api/search?q=harbour&cursor=forged");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-cursor");
    }

    @Test
    void shouldRefuseAnUnknownExportFormat() {
        assertThat(http.get("/api/export?format=xlsx").status()).isEqualTo(400);
    }
}
