package org.clipfile.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexDefinition;
import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams every article matching a search, however many, with a point in time and {@code search_after} in pages of
 * a thousand: memory stays flat and nothing stops at 10,000. The output starts with what a fact-checker needs to
 * reproduce it: the query, the filters, the index and its mapping version, and the time.
 */
@Service
public class ExportService {
    static final int PAGE = 1000;
    static final int MAX_CONCURRENT_EXPORTS = 2;
    static final List<String> COLUMNS = List.of("id", "published", "title", "source", "section", "tags", "labels",
            "byline", "url", "language", "people", "groups", "places", "cluster", "body");

    public enum Format {
        csv,
        ndjson
    }

    /** Too many exports at once: they would starve searches. */
    public static class TooManyExportsException extends ProblemException {
        TooManyExportsException() {
            super(HttpStatus.TOO_MANY_REQUESTS, "too-many-exports", "Too many exports",
                    "Too many exports are running; try again in a minute");
            retryAfter(30);
        }
    }

    private final ArticleIndex index;
    private final SearchService search;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT_EXPORTS);

    public ExportService(ArticleIndex index, SearchService search) {
        this.index = index;
        this.search = search;
    }

    /** Reserves an export slot; the returned permit must be passed to {@link #write}, which releases it. */
    public Semaphore reserve() {
        if (!running.tryAcquire()) {
            throw new TooManyExportsException();
        }
        return running;
    }

    public long write(SearchParameters parameters, String queryString, Format format, OutputStream out)
            throws IOException {
        try {
            return stream(parameters, queryString, format, out);
        } finally {
            running.release();
        }
    }

    private long stream(SearchParameters parameters, String queryString, Format format, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("exported_at", Instant.now().toString());
        provenance.put("query", parameters.q() == null ? "" : parameters.q());
        provenance.put("parameters", queryString == null ? "" : queryString);
        provenance.put("index", index.indexName());
        provenance.put("mapping_version", IndexDefinition.articles().version());
        if (format == Format.ndjson) {
            writer.write(JsonMapper.shared().writeValueAsString(Map.of("export", provenance)));
            writer.write('\n');
        } else {
            for (var entry : provenance.entrySet()) {
                writer.write(Csv.row(List.of("# " + entry.getKey(), String.valueOf(entry.getValue()))));
            }
            writer.write(Csv.row(COLUMNS));
        }
        String pit = search.openPointInTime();
        long written = 0;
        try {
            List<FieldValue> after = List.of();
            while (true) {
                SearchResponse<JsonNode> page = index.search(
                        SearchRequestFactory.exportPage(parameters, pit, after, PAGE), JsonNode.class);
                List<Hit<JsonNode>> hits = page.hits().hits();
                for (Hit<JsonNode> hit : hits) {
                    writer.write(format == Format.ndjson ? ndjson(hit.source()) : Csv.row(cells(hit.source())));
                    written++;
                }
                writer.flush();
                if (hits.size() < PAGE) {
                    break;
                }
                pit = page.pitId() == null ? pit : page.pitId();
                after = hits.getLast().sort();
            }
        } finally {
            String pitId = pit;
            try {
                index.closePointInTime(pitId);
            } catch (IOException | RuntimeException e) {
                // It expires on its own within minutes.
            }
        }
        writer.flush();
        return written;
    }

    private static String ndjson(JsonNode source) {
        if (source instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("dup"); // the copies sketch: for matching, not for readers
            if (object.has("entities")) {
                object.set("entities", StoredEntities.forAnswer(object.get("entities")));
            }
        }
        return source.toString() + "\n";
    }

    private static List<String> cells(JsonNode source) {
        List<String> cells = new ArrayList<>();
        for (String column : COLUMNS) {
            JsonNode value = source.get(column);
            if (value == null || value.isNull()) {
                cells.add("");
            } else if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asString()));
                cells.add(String.join("; ", parts));
            } else {
                cells.add(value.asString());
            }
        }
        return cells;
    }
}
