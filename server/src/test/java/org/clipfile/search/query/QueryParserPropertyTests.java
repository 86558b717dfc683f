package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.List;
import org.clipfile.testsupport.RandomInputs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a journalist types, the parser answers with a query that serializes to query DSL made only of our own keys,
 * or with a {@link QuerySyntaxException} that points inside the input; never with another exception, and quickly.
 */
class QueryParserPropertyTests {
    private static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();
    /** Large enough for long inputs and the deepest nesting allowed; the parser must stay linear. */
    private static final QueryLimits GENEROUS = new QueryLimits(100_000, 12, 1024, 1, 2, 1000);
    private static final Duration TIME_BOUND = Duration.ofSeconds(2);
    /** Every key the translator may write: query types, their parameters and our field names. User text is never a key. */
    private static final Set<String> DSL_KEYS = Set.of(
            "bool", "must", "must_not", "should", "minimum_should_match", "match_all",
            "multi_match", "match", "match_phrase", "match_bool_prefix", "intervals", "term", "prefix",
            "query", "fields", "type", "operator", "fuzziness", "boost", "max_gaps", "ordered", "value",
            "case_insensitive", "title.folded", "body.folded", "people_names", "groups_names", "places_names",
            "source",
            // relevance: relaxed words, proximity, salience of scoped names (docs/relevance.md)
            "filter", "constant_score", "_name", "slop", "nested", "path", "ignore_unmapped", "score_mode",
            "function_score", "functions", "field_value_factor", "field", "missing", "boost_mode",
            "entity_salience.names", "entity_salience.type",
            // names matched by the index's name keys (mappings/articles.json: the name_key analyzer)
            "people_names.key", "groups_names.key", "places_names.key", "entity_salience.names.key");
    private static final List<String> SOUP = List.of(
        "\"", "(", ")", "~", "*", "-", ":", "|", "\\", " ", "  ", "OR", "AND", "NOT", "title:", "person:", "group:",
        "place:", "source:", "Title:", "a", "ab", "abc", "kirby", "r\u00E9sum\u00E9", "\u0627\u0644\u0623\u0633\u062F",
        "\u5317", "~2", "~51", "5", "\u00A0", "\u200F", "\u201C", "\u201D", "\uD800", "\uDC00", "\uD83D\uDE00",
        "e\u0301", "\t", "\n", "&", "\u2014", "{", "}", "[", "]", ",", "'", "/", "\u0000");

    @Test
    void shouldParseOrRejectWithPositionAnyMixOfSyntax() {
        RandomInputs.forAll(3000, r -> r.concat(SOUP, 0, 40), q -> assertParsesOrFailsInside(q, QueryLimits.DEFAULT));
    }

    @Test
    void shouldParseOrRejectWithPositionAnyCharacters() {
        RandomInputs.forAll(2000, r -> r.string("\"()~*-:|\\ abOR1\u201C", 0, 60),
                q -> assertParsesOrFailsInside(q, QueryLimits.DEFAULT));
    }

    @Test
    void shouldParseOrRejectWithPositionAnyUnicode() {
        RandomInputs.forAll(1000, r -> r.anyChars(200), q -> assertParsesOrFailsInside(q, QueryLimits.DEFAULT));
    }

    @Test
    void shouldHandleLongInputsQuicklyUnderDefaultAndGenerousLimits() {
        RandomInputs.forAll(100, r -> r.concat(SOUP, 500, 5000), q -> {
            assertParsesOrFailsInside(q, QueryLimits.DEFAULT);
            assertParsesOrFailsInside(q, GENEROUS);
        });
    }

    @Test
    void shouldAlwaysParseWellFormedQueries() {
        RandomInputs.forAll(500, r -> wellFormed(r, 5), q -> assertThat(translate(q, GENEROUS)).startsWith("{"));
    }

    @Test
    void shouldParseLongWellFormedQueriesQuickly() {
        RandomInputs.forAll(30, QueryParserPropertyTests::longWellFormed, q -> {
            long start = System.nanoTime();
            assertThat(translate(q, GENEROUS)).startsWith("{");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time for %d characters", q.length())
                    .isLessThan(TIME_BOUND);
        });
    }

    /** The worst case for bool nesting: every level an OR with an excluded group (two bool queries per level). */
    @Test
    void shouldStayWithinTheBoolNestingElasticsearchAcceptsAtTheDeepestAllowedNesting() {
        for (int depth = 1; depth <= 12; depth++) {
            String q = "(a OR -".repeat(depth) + "b" + ")".repeat(depth);
            long start = System.nanoTime();
            String json = translate(q, GENEROUS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIME_BOUND);
            // 30 is Elasticsearch's default indices.query.bool.max_nested_depth; leave room for the request's filters
            assertThat(boolDepth(JsonMapper.shared().readTree(json))).isEqualTo(2 * depth).isLessThanOrEqualTo(25);
        }
    }

    private static int boolDepth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node.isObject() ? node.values() : node) {
            deepest = Math.max(deepest, boolDepth(child));
        }
        return node.isObject() && node.has("bool") ? deepest + 1 : deepest;
    }

    private static void assertParsesOrFailsInside(String q, QueryLimits limits) {
        long start = System.nanoTime();
        try {
            translate(q, limits);
        } catch (QuerySyntaxException e) {
            assertThat(e.position()).as("position of %s in %s", e.getMessage(), q).isBetween(0, q.length() - 1);
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.hint()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time for %d characters", q.length())
                .isLessThan(TIME_BOUND);
    }

    /** Parses, translates, serializes, and checks that the JSON holds only our own keys. */
    private static String translate(String q, QueryLimits limits) {
        String json = JsonpUtils.toJsonString(JournalistQuery.parse(q, limits, UnaryOperator.identity()).query(), MAPPER);
        Set<String> keys = new HashSet<>();
        collectKeys(JsonMapper.shared().readTree(json), keys);
        assertThat(keys).as("keys of %s", json).isSubsetOf(DSL_KEYS);
        return json;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                keys.add(entry.getKey());
                collectKeys(entry.getValue(), keys);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectKeys(child, keys));
        }
    }

    private static String longWellFormed(RandomInputs r) {
        int n = r.between(200, 1000);
        String operator = r.pick(" ", " OR ", " AND ");
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? "" : operator).append(term(r));
        }
        return q.toString();
    }

    private static String wellFormed(RandomInputs r, int depth) {
        if (depth == 0 || r.chance(0.4)) {
            return term(r);
        }
        return switch (r.between(0, 6)) {
            case 0 -> wellFormed(r, depth - 1) + " " + wellFormed(r, depth - 1);
            case 1 -> wellFormed(r, depth - 1) + " OR " + wellFormed(r, depth - 1);
            case 2 -> wellFormed(r, depth - 1) + "|" + wellFormed(r, depth - 1);
            case 3 -> wellFormed(r, depth - 1) + " AND " + wellFormed(r, depth - 1);
            case 4 -> "(" + wellFormed(r, depth - 1) + ")";
            case 5 -> "-(" + wellFormed(r, depth - 1) + ")";
            default -> "NOT (" + wellFormed(r, depth - 1) + ")";
        };
    }

    private static String word(RandomInputs r, int minLength) {
        return r.string("abcdefghijklmnopqrstuvwxyz\u00E9\u0627\u0644", minLength, 8);
    }

    private static String term(RandomInputs r) {
        String not = r.pick("", "-");
        if (r.chance(0.5)) {
            String exact = switch (r.between(0, 2)) {
                case 0 -> word(r, 1);
                case 1 -> "\"" + word(r, 1) + " " + word(r, 1) + "\"";
                default -> word(r, 3) + "*";
            };
            return not + r.pick("", "source:", "title:", "person:") + exact;
        }
        String approximate = r.chance(0.5)
                ? "\"" + word(r, 1) + " " + word(r, 1) + "\"~" + r.between(0, 50)
                : word(r, 1) + r.pick("~", "~1", "~2");
        return not + r.pick("", "title:", "person:", "group:", "place:") + approximate;
    }
}
