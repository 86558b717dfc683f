package org.clipfile.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic variants of already enriched articles, to grow the archive without running entity recognition again:
 * variant {@code k} of an article gets a new id ({@code <id>~v<k>}), its publication date shifted by {@code 17 k}
 * days and wrapped inside the collection's own span (so the archive's span, and with it the date histogram's
 * interval, stays the same), its paragraphs rotated by {@code k}, and a distinct URL and content hash. Its people,
 * groups and places are the original's.
 */
final class Variants {
    private final List<JsonNode> base;
    private final Instant first;
    private final long spanMillis;

    Variants(List<JsonNode> base, Instant first, Instant last) {
        this.base = base;
        this.first = first;
        this.spanMillis = Math.max(1, Duration.between(first, last).toMillis());
    }

    /** The {@code j}-th variant overall: article {@code j mod n}, variant number {@code j / n + 1}. */
    Indices.Doc variant(long j) {
        JsonNode original = base.get((int) (j % base.size()));
        int k = (int) (j / base.size()) + 1;
        ObjectNode copy = (ObjectNode) original.deepCopy();
        String id = original.path("id").asString() + "~v" + k;
        copy.put("id", id);
        if (original.hasNonNull("published")) {
            Instant published = Instant.parse(original.get("published").asString());
            long offset = Math.floorMod(Duration.between(first, published).toMillis()
                    + Duration.ofDays(17L * k).toMillis(), spanMillis);
            copy.put("published", first.plusMillis(offset).toString());
        }
        copy.put("body", rotate(original.path("body").asString(), k));
        if (original.hasNonNull("url")) {
            copy.put("url", original.get("url").asString() + "#v" + k);
        }
        copy.put("content_hash", original.path("content_hash").asString() + "~v" + k);
        return new Indices.Doc(id, copy.toString());
    }

    static String rotate(String body, int k) {
        String[] paragraphs = body.split("\n\n");
        if (paragraphs.length < 2) {
            String[] sentences = body.split("(?<=\\.) ");
            if (sentences.length < 2) {
                return body;
            }
            return String.join(" ", rotated(sentences, k));
        }
        return String.join("\n\n", rotated(paragraphs, k));
    }

    private static List<String> rotated(String[] parts, int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            out.add(parts[(i + k) % parts.length]);
        }
        return out;
    }
}
