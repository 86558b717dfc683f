package org.clipfile.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.index.IndexDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Index housekeeping over plain HTTP: indices made from Clipfile's own definition, capture, raw bulk. */
final class Indices {
    static final String ALIAS = "articles";
    static final int BULK_OPERATIONS = 500;

    /** One document as stored: its id and its _source exactly as Clipfile sent it. */
    record Doc(String id, String source) {}

    private final Http http;
    private final String es;
    private final IndexDefinition definition = IndexDefinition.articles();

    Indices(Http http, String esUri) {
        this.http = http;
        this.es = esUri;
    }

    String clipfileIndex() {
        return definition.indexName(ALIAS);
    }

    /** A fresh index from mappings/articles.json (same settings and mapping as Clipfile's), without alias. */
    void recreate(String index) throws IOException {
        http.delete(es + "/" + index);
        Http.ok(http.put(es + "/" + index, definition.json()), "create " + index);
        waitForYellow(index);
    }

    /** Empties Clipfile's index the only way this distribution allows (no _delete_by_query): delete, recreate. */
    void resetClipfile() throws IOException {
        http.delete(es + "/" + clipfileIndex());
        ObjectNode body = (ObjectNode) Http.JSON.readTree(definition.json());
        body.putObject("aliases").putObject(ALIAS).put("is_write_index", true);
        Http.ok(http.put(es + "/" + clipfileIndex(), body.toString()), "recreate " + clipfileIndex());
        waitForYellow(clipfileIndex());
    }

    void delete(String index) throws IOException {
        http.delete(es + "/" + index);
    }

    private void waitForYellow(String index) throws IOException {
        Http.ok(http.get(es + "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s"), "health");
    }

    void refresh(String index) throws IOException {
        Http.ok(http.post(es + "/" + index + "/_refresh", "application/json", new byte[0]), "refresh");
    }

    long count(String index) throws IOException {
        return Http.ok(http.get(es + "/" + index + "/_count"), "count").json().path("count").asLong();
    }

    /** Every document of the index with its _source, via a point in time and search_after. */
    List<Doc> capture(String index) throws IOException {
        String pit = Http.ok(http.post(es + "/" + index + "/_pit?keep_alive=2m", "application/json", new byte[0]),
                "open pit").json().path("id").asString();
        List<Doc> docs = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = Http.JSON.createObjectNode();
            body.put("size", 1000);
            body.putObject("pit").put("id", pit).put("keep_alive", "2m");
            body.putArray("sort").addObject().put("_shard_doc", "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = Http.ok(http.postJson(es + "/_search", body.toString()), "capture").json()
                    .path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode hit : hits) {
                docs.add(new Doc(hit.path("_id").asString(), hit.path("_source").toString()));
            }
            after = (ArrayNode) hits.get(hits.size() - 1).path("sort");
        }
        http.delete(es + "/_pit?id=" + pit);
        return docs;
    }

    /** _bulk bodies of {@value #BULK_OPERATIONS} index operations each, built before any timing. */
    static List<byte[]> bulkBodies(List<Doc> docs) {
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int inBatch = 0;
        for (Doc doc : docs) {
            ObjectNode action = Http.JSON.createObjectNode();
            action.putObject("index").put("_id", doc.id());
            out.writeBytes((action + "\n" + doc.source() + "\n").getBytes(StandardCharsets.UTF_8));
            if (++inBatch == BULK_OPERATIONS) {
                bodies.add(out.toByteArray());
                out.reset();
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            bodies.add(out.toByteArray());
        }
        return bodies;
    }

    /** Sends the bodies one request at a time (as Clipfile's writer does); fails on any item error. */
    void bulk(String index, List<byte[]> bodies) throws IOException {
        for (byte[] body : bodies) {
            Http.Response response = Http.ok(http.post(es + "/" + index + "/_bulk", "application/x-ndjson", body),
                    "bulk");
            if (!response.body().substring(0, Math.min(200, response.body().length())).contains("\"errors\":false")) {
                throw new IllegalStateException("bulk item errors: "
                        + response.body().substring(0, Math.min(800, response.body().length())));
            }
        }
    }

    JsonNode stats(String index) throws IOException {
        return Http.ok(http.get(es + "/" + index + "/_stats/store,docs"), "stats").json();
    }
}
