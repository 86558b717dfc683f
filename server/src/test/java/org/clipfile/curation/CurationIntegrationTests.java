package org.clipfile.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.Polls;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Editors' curation on a real Elasticsearch: each edit and its undo, applied to indexed articles by the re-index
 * (facet counts checked after each), to new articles at once, refused to readers and to bad input.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-curation", "clipfile.entities.relink-after-import=0"})
class CurationIntegrationTests extends ArchiveServerTest {
    private static int next;

    private static EntityFacet facet(String type, String name, String... shortForms) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(shortForms));
        List<String> variants = new ArrayList<>();
        names.forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
        return new EntityFacet(type + ":" + NameKeys.slug(name), name, type, variants, names.size(), names, List.of());
    }

    private static void save(List<Article> batch, int times, EntityFacet... entities) {
        for (int i = 0; i < times; i++) {
            List<EntityFacet> people = new ArrayList<>();
            List<EntityFacet> groups = new ArrayList<>();
            for (EntityFacet entity : entities) {
                (entity.type().equals("person") ? people : groups).add(entity);
            }
            String id = "cur-" + next++;
            batch.add(new Article(id, "Story " + id, "Text of story " + id + ".",
                    Instant.parse("1987-03-02T00:00:00Z").plusSeconds(next * 3600L), "Test Wire", null, null,
                    List.of(), null, "en", Instant.now(), "hash-" + id, new Enrichment(people, groups, List.of())));
        }
    }

    private Http.Response edit(String json) {
        return http.as(Role.editor).post("/api/curation/edits", "application/json", json);
    }

    private String created(String json) {
        Http.Response response = edit(json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** Value -> count of a facet, for values containing {@code text}. */
    private Map<String, Long> counts(String facet, String text) {
        JsonNode values = http.get("/api/facets/" + facet + "?size=50&contains=" + Http.encode(text)).json()
                .get("values");
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }

    private void reindex() throws InterruptedException {
        Http editor = http.as(Role.editor);
        Http.Response started = editor.post("/api/curation/reindex", "application/json", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().get("id").asString();
        JsonNode progress = Polls.every(Duration.ofMillis(200), Duration.ofMinutes(3)).alias("relink still running")
                .until(() -> editor.get("/api/curation/reindex").json(), answer -> {
                    JsonNode latest = answer.get("reindex");
                    return latest.get("id").asString().equals(run)
                            && !latest.get("state").asString().equals("running");
                });
        JsonNode latest = progress.get("reindex");
        assertThat(latest.get("state").asString()).as(latest.toString()).isEqualTo("completed");
        assertThat(progress.get("pending").asLong()).as("edits not yet applied").isZero();
    }

    @Test
    void shouldMergeTwoValuesAndUndoTheMergeWithCountsRightAfterEachReindex() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 3, facet("group", "Septet Club"));
        save(batch, 2, facet("group", "Club of Seven"));
        save(batch, 1, facet("group", "Septet Club"), facet("group", "Club of Seven"));
        index.saveAll(batch, true);
        reindex();
        assertThat(counts("group", "s")).containsEntry("group:septet-club", 4L).containsEntry("group:club-of-seven", 3L);

        String merge = created("""
                {"action": "merge", "entity": "group:septet-club", "other": "group:club-of-seven"}""");
        JsonNode pending = http.as(Role.editor).get("/api/curation/reindex").json();
        assertThat(pending.get("pending").asLong()).isEqualTo(1);
        reindex();

        assertThat(counts("group", "s")).containsEntry("group:septet-club", 6L).doesNotContainKey("group:club-of-seven");
        JsonNode members = http.as(Role.editor).get("/api/curation/entities/group:septet-club").json();
        assertThat(members.get("members").get(0).get("id").asString()).isEqualTo("group:club-of-seven");

        Http.Response undo = http.as(Role.editor).delete("/api/curation/edits/" + merge);
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("undone").asBoolean()).isTrue();
        assertThat(undo.json().get("undone_by").asString()).isEqualTo("key:test-editor");
        reindex();

        assertThat(counts("group", "s")).containsEntry("group:septet-club", 4L).containsEntry("group:club-of-seven", 3L);
        JsonNode listed = http.as(Role.editor).get("/api/curation/edits?entity=group:club-of-seven").json();
        assertThat(listed.get(0).get("id").asString()).isEqualTo(merge);
        assertThat(listed.get(0).get("editor").asString()).isEqualTo("key:test-editor");
    }

    @Test
    void shouldSplitAnAutomaticLinkSoTheCatalogueNeverMakesItAgainUntilTheSplitIsUndone() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 3, facet("person", "Ronaldo Reaganson", "Reaganson"), facet("group", "Capitol"));
        save(batch, 2, facet("person", "Reaganson"));
        index.saveAll(batch, true);
        reindex();
        assertThat(counts("person", "reaganson")).containsExactly(Map.entry("person:ronaldo-reaganson", 5L));
        JsonNode members = http.as(Role.editor).get("/api/curation/entities/person:ronaldo-reaganson").json()
                .get("members");
        assertThat(members.get(0).get("id").asString()).isEqualTo("person:reaganson");
        assertThat(members.get(0).get("reason").asString()).startsWith("short form");

        String split = created("""
                {"action": "split", "entity": "person:ronaldo-reaganson", "other": "person:reaganson"}""");
        reindex();

        assertThat(counts("person", "reaganson")).containsEntry("person:ronaldo-reaganson", 3L)
                .containsEntry("person:reaganson", 2L);
        Map<?, ?> catalogued = TestElasticsearch.client().get(g -> g.index("it-curation-entities")
                .id("person:reaganson"), Map.class).source();
        assertThat(catalogued).isNotNull();
        assertThat(catalogued.get("linked_to")).isNull();
        assertThat(edit("""
                {"action": "merge", "entity": "person:ronaldo-reaganson", "other": "person:reaganson"}""").status())
                .as("a merge against a split in force").isEqualTo(409);

        assertThat(http.as(Role.editor).delete("/api/curation/edits/" + split).status()).isEqualTo(200);
        reindex();

        assertThat(counts("person", "reaganson")).containsExactly(Map.entry("person:ronaldo-reaganson", 5L));
    }

    @Test
    void shouldRenameRetypeAndRemoveValuesAndUndoEachThroughTheReindex() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 2, facet("person", "Quintus Harrowgate"));
        save(batch, 3, facet("person", "Fenwick and Tolley"));
        save(batch, 4, facet("person", "Zorbly"), facet("person", "Quintus Harrowgate"));
        index.saveAll(batch, true);
        reindex();

        String rename = created("""
                {"action": "rename", "entity": "person:quintus-harrowgate", "name": "Quintus A. Harrowgate"}""");
        String retype = created("""
                {"action": "retype", "entity": "person:fenwick-and-tolley", "type": "group"}""");
        String removed = created("""
                {"action": "not_entity", "entity": "person:zorbly"}""");
        reindex();

        JsonNode people = http.get("/api/facets/person?size=50").json().get("values");
        Map<String, String> labels = new LinkedHashMap<>();
        people.forEach(v -> labels.put(v.get("value").asString(), v.get("label").asString()));
        assertThat(labels).containsEntry("person:quintus-harrowgate", "Quintus A. Harrowgate")
                .doesNotContainKey("person:zorbly").doesNotContainKey("person:fenwick-and-tolley");
        assertThat(counts("group", "fenwick")).containsExactly(Map.entry("group:fenwick-and-tolley", 3L));
        assertThat(http.get("/api/search?q=" + Http.encode("person:\"Quintus A. Harrowgate\"") + "&size=1").json()
                .get("total").asLong()).isEqualTo(6);

        for (String undo : List.of(rename, retype, removed)) {
            assertThat(http.as(Role.editor).delete("/api/curation/edits/" + undo).status()).isEqualTo(200);
        }
        reindex();

        assertThat(counts("person", "zorbly")).containsExactly(Map.entry("person:zorbly", 4L));
        assertThat(counts("person", "fenwick")).containsExactly(Map.entry("person:fenwick-and-tolley", 3L));
        assertThat(counts("group", "fenwick")).isEmpty();
        JsonNode after = http.get("/api/facets/person?size=50&contains=harrowgate").json().get("values");
        assertThat(after.get(0).get("label").asString()).isEqualTo("Quintus Harrowgate");
        assertThat(after.get(0).get("count").asLong()).isEqualTo(6);
    }

    private static PlaceFacet city(String geonames, String name) {
        return new PlaceFacet("place:geonames:" + geonames, name, "city", "GB", "United Kingdom", null, null,
                "place:geonames:" + geonames, name, 51.5, -0.1, "place", false, List.of("place:country:GB"),
                List.of(name.toLowerCase(java.util.Locale.ROOT)), 1);
    }

    /** The label of a value of the search's place facet. */
    private String placeLabel(String id) {
        for (JsonNode value : http.get("/api/facets/place?size=50&contains=london").json().get("values")) {
            if (value.get("value").asString().equals(id)) {
                return value.get("label").asString();
            }
        }
        throw new AssertionError(id + " is no place facet value");
    }

    private long total(String place) {
        return http.get("/api/search?size=1&place=" + place).json().get("total").asLong();
    }

    @Test
    void shouldMarkAPlaceAsNotAPlaceAndRenameOneThroughTheRelinkAndUndoBoth() throws Exception {
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = "cur-place-" + i;
            // "reading the report": the gazetteer's town of Reading, wrongly, in two stories; London in the third.
            PlaceFacet place = i < 2 ? city("2639577", "Reading") : city("2643743", "London");
            batch.add(new Article(id, "Story " + id, "Text of story " + id + ".",
                    Instant.parse("1987-03-02T00:00:00Z").plusSeconds(i * 3600L), "Test Wire", null, null,
                    List.of(), null, "en", Instant.now(), "hash-" + id, new Enrichment(List.of(), List.of(),
                            List.of(place))));
        }
        index.saveAll(batch, true);
        assertThat(total("place:geonames:2639577")).isEqualTo(2);
        assertThat(total("place:country:GB")).isEqualTo(3);

        String notAPlace = created("""
                {"action": "not_entity", "entity": "place:geonames:2639577"}""");
        String rename = created("""
                {"action": "rename", "entity": "place:geonames:2643743", "name": "London (City)"}""");
        reindex();

        assertThat(total("place:geonames:2639577")).isZero();
        assertThat(total("place:country:GB")).as("the country came only from the places beneath it").isEqualTo(1);
        assertThat(placeLabel("place:geonames:2643743")).isEqualTo("London (City)");
        assertThat(http.get("/api/articles/cur-place-0").json().get("entities").get("places")).isEmpty();

        for (String undo : List.of(notAPlace, rename)) {
            assertThat(http.as(Role.editor).delete("/api/curation/edits/" + undo).status()).isEqualTo(200);
        }
        reindex();

        assertThat(total("place:geonames:2639577")).isEqualTo(2);
        assertThat(total("place:country:GB")).isEqualTo(3);
        assertThat(placeLabel("place:geonames:2643743")).isEqualTo("London");
    }

    @Test
    void shouldApplyAnEditToANewArticleAtOnce() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 1, facet("person", "Gaston Pellerin"));
        index.saveAll(batch, true);
        created("""
                {"action": "not_entity", "entity": "person:gaston-pellerin"}""");

        Http.Response posted = http.as(Role.editor).post("/api/articles", "application/json", """
                {"title": "Harbour news", "body": "Gaston Pellerin, the harbour master, said on Monday that the \
                port would reopen. Gaston Pellerin spoke to reporters."}""");
        assertThat(posted.status()).as(posted.body()).isIn(200, 201);
        JsonNode article = http.get("/api/articles/" + posted.json().get("id").asString()).json();

        List<String> people = new ArrayList<>();
        article.get("entities").get("people").forEach(p -> people.add(p.get("id").asString()));
        assertThat(people).doesNotContain("person:gaston-pellerin");
        List<String> removed = new ArrayList<>();
        article.get("entities").get("removed").forEach(p -> removed.add(p.get("id").asString()));
        assertThat(removed).as("recognised, then removed by the edit").contains("person:gaston-pellerin");
    }

    @Test
    void shouldRefuseReadersAndAnonymousCallers() {
        Http reader = http.as(Role.reader);
        assertThat(reader.get("/api/curation/edits").status()).isEqualTo(403);
        assertThat(reader.post("/api/curation/edits", "application/json", """
                {"action": "not_entity", "entity": "person:anyone"}""").status()).isEqualTo(403);
        assertThat(reader.post("/api/curation/reindex", "application/json", "").status()).isEqualTo(403);
        assertThat(reader.delete("/api/curation/edits/ce_00000000000000000000000000000000").status()).isEqualTo(403);
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/curation/edits").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/curation/edits", "application/json", "{}").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/curation/reindex").status()).isEqualTo(401);
    }

    @Test
    void shouldAnswerBadEditsWithProblemDetails() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 1, facet("person", "Ines Kowalczyk"), facet("group", "Kowalczyk Holdings"));
        save(batch, 1, facet("person", "Ines Kowalska"));
        index.saveAll(batch, true);

        Map<String, Integer> refused = new LinkedHashMap<>();
        refused.put("{\"action\": \"explode\", \"entity\": \"person:ines-kowalczyk\"}", 400);
        refused.put("{\"entity\": \"person:ines-kowalczyk\"}", 400);
        refused.put("{\"action\": \"not_entity\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"place:country:SY\"}", 404);
        refused.put("{\"action\": \"merge\", \"entity\": \"place:country:SY\", \"other\": \"place:country:LB\"}", 400);
        refused.put("{\"action\": \"retype\", \"entity\": \"place:country:SY\", \"type\": \"group\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"place:../../_cluster\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"person:../../_cluster\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"person:a\\u0000b\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"person:" + "x".repeat(400) + "\"}", 400);
        refused.put("{\"action\": \"not_entity\", \"entity\": \"person:never-named\"}", 404);
        refused.put("{\"action\": \"merge\", \"entity\": \"person:ines-kowalczyk\", \"other\": \"person:ines-kowalczyk\"}",
                400);
        refused.put("{\"action\": \"merge\", \"entity\": \"person:ines-kowalczyk\", \"other\": \"group:kowalczyk-holdings\"}",
                400);
        refused.put("{\"action\": \"merge\", \"entity\": \"person:ines-kowalczyk\"}", 400);
        refused.put("{\"action\": \"rename\", \"entity\": \"person:ines-kowalczyk\", \"name\": \"  \"}", 400);
        refused.put("{\"action\": \"rename\", \"entity\": \"person:ines-kowalczyk\", \"name\": \"" + "n".repeat(5000)
                + "\"}", 400);
        refused.put("{\"action\": \"retype\", \"entity\": \"person:ines-kowalczyk\", \"type\": \"place\"}", 400);
        refused.put("{\"action\": \"retype\", \"entity\": \"person:ines-kowalczyk\", \"type\": \"person\"}", 400);
        refused.put("{\"action\": \"split\", \"entity\": \"person:ines-kowalczyk\", \"other\": \"person:ines-kowalska\"}",
                404);
        refused.put("{\"action\": \"not_entity\", \"entity\": [\"person:ines-kowalczyk\"]}", 400);
        refused.put("not json at all", 400);
        refused.forEach((body, status) -> {
            Http.Response response = edit(body);
            assertThat(response.status()).as(body.length() > 200 ? body.substring(0, 200) : body)
                    .isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).doesNotContain("Exception");
        });

        created("""
                {"action": "merge", "entity": "person:ines-kowalczyk", "other": "person:ines-kowalska"}""");
        assertThat(edit("""
                {"action": "merge", "entity": "person:ines-kowalczyk", "other": "person:ines-kowalska"}""").status())
                .as("merged twice").isEqualTo(409);
        assertThat(edit("""
                {"action": "merge", "entity": "person:ines-kowalska", "other": "person:ines-kowalczyk"}""").status())
                .as("a cycle").isEqualTo(409);
        Http editor = http.as(Role.editor);
        assertThat(editor.delete("/api/curation/edits/ce_00000000000000000000000000000000").status()).isEqualTo(404);
        assertThat(editor.delete("/api/curation/edits/..%2F..%2F_all").status()).isIn(400, 404);
        assertThat(editor.get("/api/curation/entities/place:country:SY").status()).isEqualTo(200);
        assertThat(editor.get("/api/curation/entities/place:..%2F_all").status()).isIn(400, 404);
    }

    @Test
    void shouldTreatASplitOfAnEditorsMergeAsItsUndo() throws Exception {
        List<Article> batch = new ArrayList<>();
        save(batch, 1, facet("group", "Alder Guild"));
        save(batch, 1, facet("group", "Guild of Alders"));
        index.saveAll(batch, true);
        String merge = created("""
                {"action": "merge", "entity": "group:alder-guild", "other": "group:guild-of-alders"}""");

        Http.Response split = edit("""
                {"action": "split", "entity": "group:alder-guild", "other": "group:guild-of-alders"}""");

        assertThat(split.status()).as(split.body()).isEqualTo(200);
        assertThat(split.json().get("id").asString()).isEqualTo(merge);
        assertThat(split.json().get("undone").asBoolean()).isTrue();
        assertThat(http.as(Role.editor).delete("/api/curation/edits/" + merge).status()).isEqualTo(409);
    }
}
