package org.clipfile.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The article object of a page's schema.org JSON-LD, if it has one; broken JSON is common and ignored. */
final class JsonLd {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
            "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle", "report",
            "posting", "webpage", "creativework");
    private static final int MAX_SCRIPT_CHARS = 1_000_000;
    private static final int MAX_NODES = 2_000;

    private JsonLd() {}

    /** The best article-like object: a *Article or *Posting type before a plain WebPage. */
    static @Nullable JsonNode article(Document document) {
        JsonNode best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
            String json = unwrap(script.data().strip());
            if (json.isEmpty() || json.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(json);
            } catch (JacksonException e) {
                continue;
            }
            for (JsonNode node : objects(root)) {
                int rank = rank(node);
                if (rank < bestRank) {
                    best = node;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    /** Pages wrap JSON-LD in CDATA sections or HTML comments for old parsers. */
    private static String unwrap(String json) {
        String text = json;
        if (text.startsWith("<![CDATA[")) {
            text = text.substring(9);
            int end = text.lastIndexOf("]]>");
            text = end >= 0 ? text.substring(0, end) : text;
        }
        if (text.startsWith("<!--")) {
            text = text.substring(4);
            int end = text.lastIndexOf("-->");
            text = end >= 0 ? text.substring(0, end) : text;
        }
        return text.strip();
    }

    /** Objects at the top, in arrays and in {@code @graph}, breadth-first and bounded. */
    private static List<JsonNode> objects(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        List<JsonNode> queue = new ArrayList<>();
        queue.add(root);
        for (int i = 0; i < queue.size() && queue.size() < MAX_NODES; i++) {
            JsonNode node = queue.get(i);
            if (node.isArray()) {
                node.values().forEach(queue::add);
            } else if (node.isObject()) {
                found.add(node);
                JsonNode graph = node.get("@graph");
                if (graph != null) {
                    queue.add(graph);
                }
            }
        }
        return found;
    }

    private static int rank(JsonNode node) {
        int rank = Integer.MAX_VALUE;
        for (String type : strings(node.get("@type"))) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.startsWith("http")) {
                t = t.substring(t.lastIndexOf('/') + 1);
            }
            if (!ARTICLE_TYPES.contains(t) && !t.endsWith("article")) {
                continue;
            }
            int r = switch (t) {
                case "webpage", "creativework" -> node.has("headline") ? 3 : 4;
                case "article", "report", "posting" -> 2;
                default -> 1;
            };
            rank = Math.min(rank, r);
        }
        return rank;
    }

    /** A string, or the strings of an array, or the {@code name} of objects. */
    static List<String> strings(@Nullable JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                out.addAll(strings(item.isArray() ? null : item));
            }
        } else if (node.isObject()) {
            JsonNode name = node.get("name");
            if (name != null && name.isString()) {
                out.add(name.stringValue());
            }
        } else if (node.isString() || node.isNumber()) {
            out.add(node.asString());
        }
        out.removeIf(String::isBlank);
        return out;
    }

    static @Nullable String string(@Nullable JsonNode node) {
        List<String> values = strings(node);
        return values.isEmpty() ? null : values.getFirst();
    }
}
