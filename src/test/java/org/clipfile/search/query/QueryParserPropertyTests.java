package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
            "source");
    private static final String[] SOUP = {
        "\"", "(", ")", "~", "*", "-", ":", "|", "\\", " ", "  ", "OR", "AND", "NOT", "title:", "person:", "group:",
        "place:", "source:", "Title:", "a", "ab", "abc", "kirby", "r\u00E9sum\u00E9", "\u0627\u0644\u0623\u0633\u062F",
        "\u5317", "~2", "~51", "5", "\u00A0", "\u200F", "\u201C", "\u201D", "\uD800", "\uDC00", "\uD83D\uDE00",
        "e\u0301", "\t", "\n", "&", "\u2014", "{", "}", "[", "]", ",", "'", "/", "\u0000"};

    @Property(tries = 3000)
    void shouldParseOrRejectWithPositionAnyMixOfSyntax(@ForAll("syntaxSoup") String q) {
        assertParsesOrFailsInside(q, QueryLimits.DEFAULT);
    }

    @Property(tries = 2000)
    void shouldParseOrRejectWithPositionAnyCharacters(@ForAll("specialCharacters") String q) {
        assertParsesOrFailsInside(q, QueryLimits.DEFAULT);
    }

    @Property(tries = 1000)
    void shouldParseOrRejectWithPositionAnyUnicode(@ForAll("anyUnicode") String q) {
        assertParsesOrFailsInside(q, QueryLimits.DEFAULT);
    }

    @Property(tries = 100)
    void shouldHandleLongInputsQuicklyUnderDefaultAndGenerousLimits(@ForAll("longSoup") String q) {
        assertParsesOrFailsInside(q, QueryLimits.DEFAULT);
        assertParsesOrFailsInside(q, GENEROUS);
    }

    @Property(tries = 500)
    void shouldAlwaysParseWellFormedQueries(@ForAll("wellFormed") String q) {
        String json = translate(q, GENEROUS);
        assertThat(json).startsWith("{");
    }

    @Property(tries = 30)
    void shouldParseLongWellFormedQueriesQuickly(@ForAll("longWellFormed") String q) {
        long start = System.nanoTime();
        assertThat(translate(q, GENEROUS)).startsWith("{");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time for %d characters", q.length())
                .isLessThan(TIME_BOUND);
    }

    /** The worst case for bool nesting: every level an OR with an excluded group (two bool queries per level). */
    @Property(tries = 12)
    void shouldStayWithinTheBoolNestingElasticsearchAcceptsAtTheDeepestAllowedNesting(@ForAll("depth") int depth) {
        String q = "(a OR -".repeat(depth) + "b" + ")".repeat(depth);
        long start = System.nanoTime();
        String json = translate(q, GENEROUS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIME_BOUND);
        // 30 is Elasticsearch's default indices.query.bool.max_nested_depth; leave room for the request's filters
        assertThat(boolDepth(JsonMapper.shared().readTree(json))).isEqualTo(2 * depth).isLessThanOrEqualTo(25);
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

    @Provide
    Arbitrary<String> syntaxSoup() {
        return Arbitraries.of(SOUP).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> specialCharacters() {
        return Arbitraries.strings().withChars("\"()~*-:|\\ abOR1\u201C").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> anyUnicode() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> longSoup() {
        return Arbitraries.of(SOUP).list().ofMinSize(500).ofMaxSize(5000).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> longWellFormed() {
        return term().list().ofMinSize(200).ofMaxSize(1000)
                .flatMap(terms -> Arbitraries.of(" ", " OR ", " AND ").map(operator -> String.join(operator, terms)));
    }

    @Provide
    Arbitrary<Integer> depth() {
        return Arbitraries.integers().between(1, 12);
    }

    @Provide
    Arbitrary<String> wellFormed() {
        return Arbitraries.recursive(QueryParserPropertyTests::term, QueryParserPropertyTests::combined, 0, 5);
    }

    private static Arbitrary<String> combined(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                Combinators.combine(inner, inner).as((a, b) -> a + " " + b),
                Combinators.combine(inner, inner).as((a, b) -> a + " OR " + b),
                Combinators.combine(inner, inner).as((a, b) -> a + "|" + b),
                Combinators.combine(inner, inner).as((a, b) -> a + " AND " + b),
                inner.map(a -> "(" + a + ")"),
                inner.map(a -> "-(" + a + ")"),
                inner.map(a -> "NOT (" + a + ")"));
    }

    private static Arbitrary<String> term() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withChars("\u00E9\u0627\u0644")
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> stem = word.filter(w -> w.length() >= 3);
        Arbitrary<String> exact = Arbitraries.oneOf(
                word,
                Combinators.combine(word, word).as((a, b) -> "\"" + a + " " + b + "\""),
                stem.map(s -> s + "*"));
        Arbitrary<String> approximate = Arbitraries.oneOf(
                Combinators.combine(word, word, Arbitraries.integers().between(0, 50))
                        .as((a, b, n) -> "\"" + a + " " + b + "\"~" + n),
                Combinators.combine(word, Arbitraries.of("~", "~1", "~2")).as((w, t) -> w + t));
        Arbitrary<String> anyField = Arbitraries.of("", "title:", "person:", "group:", "place:");
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("", "-"), Arbitraries.of("", "source:", "title:", "person:"), exact)
                        .as((not, field, t) -> not + field + t),
                Combinators.combine(Arbitraries.of("", "-"), anyField, approximate)
                        .as((not, field, t) -> not + field + t));
    }
}
