package org.clipfile.bench;

import java.util.List;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The faceted request a developer would write by hand for the same search, straight to Elasticsearch: the text as one
 * {@code multi_match} (title boosted, all words), selections and the date range as plain filters, {@code terms} on
 * people, groups, countries and source, a monthly {@code date_histogram}, highlighting of title and body, the same
 * page and order. It knows no query language, no name keys, no per-facet counting and no place tree: it is the cost
 * baseline Clipfile's answer is held to (issue 17), not the same answer.
 */
final class PlainRequest {
    private PlainRequest() {}

    /** The body for a first page ({@code pit} null) or a cursor page (point in time and search_after from Clipfile). */
    static String body(SearchParameters p, JsonNode pit, JsonNode searchAfter, JsonNode sort) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("size", p.size());
        if (pit == null) {
            body.put("from", p.offset());
            body.put("track_total_hits", true);
        } else {
            body.set("pit", pit);
            if (searchAfter != null) {
                body.set("search_after", searchAfter);
            }
            body.put("track_total_hits", searchAfter == null);
        }
        body.putArray("_source").add("title").add("published").add("source").add("url");
        ObjectNode bool = body.putObject("query").putObject("bool");
        if (p.hasQuery()) {
            ObjectNode match = bool.putArray("must").addObject().putObject("multi_match");
            match.put("query", p.q());
            match.putArray("fields").add("title^2").add("body");
            match.put("operator", "and");
        }
        ArrayNode filter = bool.putArray("filter");
        ArrayNode mustNot = bool.putArray("must_not");
        p.selections().forEach((facet, selection) -> {
            if (!selection.include().isEmpty()) {
                terms(filter.addObject(), facet, selection.include());
            }
            if (!selection.exclude().isEmpty()) {
                terms(mustNot.addObject(), facet, selection.exclude());
            }
        });
        if (p.hasDateRange()) {
            ObjectNode range = filter.addObject().putObject("range").putObject("published");
            if (p.publishedFrom() != null) {
                range.put("gte", p.publishedFrom().toString());
            }
            if (p.publishedTo() != null) {
                range.put("lt", p.publishedTo().toString());
            }
        }
        if (sort != null) {
            body.set("sort", sort);
        } else if (p.sort() != SearchParameters.Sort.relevance || !p.hasQuery()) {
            body.putArray("sort").addObject().putObject("published")
                    .put("order", p.sort() == SearchParameters.Sort.oldest ? "asc" : "desc");
        }
        if (pit == null || searchAfter == null) {
            ObjectNode aggs = body.putObject("aggs");
            for (var facet : List.of(new String[] {"people", "people"}, new String[] {"groups", "groups"},
                    new String[] {"countries", "place_countries"}, new String[] {"source", "source"})) {
                aggs.putObject(facet[0]).putObject("terms").put("field", facet[1]).put("size", 10);
            }
            aggs.putObject("dates").putObject("date_histogram").put("field", "published")
                    .put("calendar_interval", "month");
        }
        ObjectNode fields = body.putObject("highlight").putObject("fields");
        fields.putObject("body").put("fragment_size", 180).put("number_of_fragments", 1);
        fields.putObject("title").put("number_of_fragments", 0);
        return body.toString();
    }

    private static void terms(ObjectNode clause, Facet facet, List<String> values) {
        ArrayNode array = clause.putObject("terms").putArray(facet.field());
        values.forEach(array::add);
    }
}
