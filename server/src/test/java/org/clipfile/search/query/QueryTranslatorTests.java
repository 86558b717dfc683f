package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The Elasticsearch query each construct of the language becomes. */
class QueryTranslatorTests {
    private static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();
    private static final String TEXT = "\"fields\": [\"title^1.5\", \"title.folded\", \"body\", \"body.folded\"]";
    private static final String EXACT = "\"fields\": [\"title.folded^2\", \"body.folded\"]";

    static String json(Query query) {
        return JsonpUtils.toJsonString(query, MAPPER);
    }

    private static void assertQuery(String q, String expected) throws Exception {
        JSONAssert.assertEquals(expected, json(JournalistQuery.parse(q).query()), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldMatchAllWordsInOneCrossFieldsQueryAndRankThemCloseTogetherInTheTitleHigher() throws Exception {
        assertQuery("raid idlib", """
                {"bool": {
                  "must": [{"multi_match": {"query": "raid idlib", "type": "cross_fields", "operator": "and", %s}}],
                  "should": [{"multi_match": {"query": "raid idlib", "type": "phrase", "slop": 3,
                              "fields": ["title^3"]}}]}}"""
                .formatted(TEXT));
    }

    @Test
    void shouldNotCheckWordPositionsInTheBodyToRankAShortQuery() {
        // A phrase on the body read the positions of every matching body: most of a short query's extra time.
        List<String> phraseFields = new ArrayList<>();
        String query = json(JournalistQuery.parse("crude oil prices").query());
        tools.jackson.databind.json.JsonMapper.shared().readTree(query).findValues("multi_match").stream()
                .filter(m -> m.path("type").asString("").equals("phrase"))
                .forEach(m -> m.path("fields").forEach(f -> phraseFields.add(f.asString())));
        assertThat(phraseFields).containsExactly("title^3");
    }

    @Test
    void shouldGatherPlainWordsAroundOtherConstructsIntoOneQuery() throws Exception {
        assertQuery("raid \"special forces\" idlib", """
                {"bool": {"must": [
                  {"bool": {"must": [
                    {"multi_match": {"query": "raid idlib", "type": "cross_fields", "operator": "and", %s}}]}},
                  {"multi_match": {"query": "special forces", "type": "phrase", %s}}]}}"""
                .formatted(TEXT, EXACT));
    }

    @Test
    void shouldRequireTheOrGroupBesideTheOtherWords() throws Exception {
        assertQuery("iran talks OR negotiations", """
                {"bool": {"must": [
                  {"multi_match": {"query": "iran", "operator": "and", %s}},
                  {"multi_match": {"query": "talks negotiations", "type": "cross_fields", "operator": "or", %s}}]}}"""
                .formatted(TEXT, TEXT));
    }

    @Test
    void shouldOfferAlternativesOfDifferentKindsAsShould() throws Exception {
        assertQuery("kirby OR \"john kirby\" OR blinken", """
                {"bool": {"minimum_should_match": "1", "should": [
                  {"multi_match": {"query": "kirby blinken", "type": "cross_fields", "operator": "or", %s}},
                  {"multi_match": {"query": "john kirby", "type": "phrase", %s}}]}}"""
                .formatted(TEXT, EXACT));
    }

    @Test
    void shouldNestGroups() throws Exception {
        assertQuery("(iran OR iraq) (\"nuclear deal\" OR sanctions)", """
                {"bool": {"must": [
                  {"multi_match": {"query": "iran iraq", "operator": "or"}},
                  {"bool": {"minimum_should_match": "1", "should": [
                    {"multi_match": {"query": "sanctions", "operator": "or"}},
                    {"multi_match": {"query": "nuclear deal", "type": "phrase"}}]}}]}}""");
    }

    @Test
    void shouldMatchExactPhraseOnFoldedFields() throws Exception {
        assertQuery("\"Ráids near Atme\"", """
                {"multi_match": {"query": "Ráids near Atme", "type": "phrase", %s}}""".formatted(EXACT));
    }

    @Test
    void shouldMatchNearWordsInAnyOrderWithinTheGap() throws Exception {
        assertQuery("\"kirby talks\"~5", """
                {"bool": {"minimum_should_match": "1", "should": [
                  {"intervals": {"title.folded": {"boost": 2.0,
                    "match": {"query": "kirby talks", "max_gaps": 5, "ordered": false}}}},
                  {"intervals": {"body.folded": {"match": {"query": "kirby talks", "max_gaps": 5, "ordered": false}}}}
                ]}}""");
    }

    @Test
    void shouldSearchPrefixOnFoldedFields() throws Exception {
        assertQuery("negotiat*", """
                {"multi_match": {"query": "negotiat", "type": "bool_prefix", "operator": "and", %s}}"""
                .formatted(EXACT));
    }

    @Test
    void shouldSearchFuzzyWordsOnFoldedFields() throws Exception {
        assertQuery("kadhafi~ kirbi~1", """
                {"bool": {"must": [
                  {"multi_match": {"query": "kadhafi", "fuzziness": "AUTO", "operator": "and", %s}},
                  {"multi_match": {"query": "kirbi", "fuzziness": "1", "operator": "and", %s}}]}}"""
                .formatted(EXACT, EXACT));
    }

    @Test
    void shouldExcludeWithMustNot() throws Exception {
        assertQuery("ceasefire -opinion -\"press release\"", """
                {"bool": {
                  "must": [{"multi_match": {"query": "ceasefire", "operator": "and", %s}}],
                  "must_not": [{"multi_match": {"query": "opinion", "type": "cross_fields"}},
                               {"multi_match": {"query": "press release", "type": "phrase"}}]}}"""
                .formatted(TEXT));
    }

    @Test
    void shouldMatchEverythingExceptWhenOnlyExclusions() throws Exception {
        assertQuery("-sport NOT weather", """
                {"bool": {"must": [{"match_all": {}}],
                  "must_not": [{"multi_match": {"query": "sport"}}, {"multi_match": {"query": "weather"}}]}}""");
    }

    @Test
    void shouldKeepExclusionInsideAlternative() throws Exception {
        assertQuery("ceasefire OR -war", """
                {"bool": {"minimum_should_match": "1", "should": [
                  {"multi_match": {"query": "ceasefire"}},
                  {"bool": {"must": [{"match_all": {}}], "must_not": [{"multi_match": {"query": "war"}}]}}]}}""");
    }

    @Test
    void shouldLeaveNoEmptyExclusionList() {
        assertThat(json(JournalistQuery.parse("raid \"special forces\"").query())).doesNotContain("must_not");
    }

    @Test
    void shouldScopeTitleToTitleFields() throws Exception {
        assertQuery("title:(raid idlib) title:\"special forces\" title:negot* title:kadafi~2", """
                {"bool": {"must": [
                  {"bool": {"must": [{"multi_match": {"query": "raid idlib", "type": "cross_fields",
                     "operator": "and", "fields": ["title^3", "title.folded^2"]}}]}},
                  {"match_phrase": {"title.folded": {"query": "special forces"}}},
                  {"match_bool_prefix": {"title.folded": {"query": "negot", "operator": "and"}}},
                  {"match": {"title.folded": {"query": "kadafi", "fuzziness": "2", "operator": "and"}}}]}}""");
    }

    @Test
    void shouldScopeTitleProximityToTitleOnly() throws Exception {
        assertQuery("title:\"kirby talks\"~3", """
                {"intervals": {"title.folded": {"match": {"query": "kirby talks", "max_gaps": 3, "ordered": false}}}}""");
    }

    @Test
    void shouldMatchEntityNamesAsPhrases() throws Exception {
        assertQuery("person:(kirby OR \"abdel rahman\") group:hamas place:\"idlib city\"", """
                {"bool": {"must": [
                  {"bool": {"should": [
                    {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["people_names.key", "people_names"], "query": "kirby"}}]}},
                    {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["people_names.key", "people_names"], "query": "abdel rahman"}}]}}]}},
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["groups_names.key", "groups_names"], "query": "hamas"}}]}},
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["places_names.key", "places_names"], "query": "idlib city"}}]}}]}}""");
    }

    @Test
    void shouldMatchEveryWordOfAScopedGroupAsItsOwnName() throws Exception {
        assertQuery("person:(kirby blinken)", """
                {"bool": {"must": [
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["people_names.key", "people_names"], "query": "kirby"}}]}},
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["people_names.key", "people_names"], "query": "blinken"}}]}}]}}""");
    }

    @Test
    void shouldSearchEntityNamePrefixFuzzyAndProximity() throws Exception {
        assertQuery("person:kir* group:hezbolah~ place:\"aleppo countryside\"~2", """
                {"bool": {"must": [
                  {"bool": {"filter": [{"multi_match": {"type": "bool_prefix", "fields": ["people_names.key", "people_names"], "query": "kir",
                     "operator": "and"}}]}},
                  {"bool": {"filter": [{"multi_match": {"fields": ["groups_names.key", "groups_names"], "query": "hezbolah",
                     "fuzziness": "AUTO", "operator": "and"}}]}},
                  {"bool": {"filter": [{"bool": {"minimum_should_match": "1", "should": [
                     {"intervals": {"places_names.key": {"match": {"query": "aleppo countryside", "max_gaps": 2,
                       "ordered": false}}}},
                     {"intervals": {"places_names": {"match": {"query": "aleppo countryside", "max_gaps": 2,
                       "ordered": false}}}}]}}]}}]}}""");
    }

    @Test
    void shouldNormalizeNamesOnlyInEntityScopes() throws Exception {
        UnaryOperator<String> normalizer = name -> name.toUpperCase(Locale.ROOT).replace("QADDAFI", "GADDAFI");
        Query query = JournalistQuery.parse("qaddafi person:qaddafi place:\"sirte port\" group:nat*",
                QueryLimits.DEFAULT, normalizer).query();
        JSONAssert.assertEquals("""
                {"bool": {"must": [
                  {"multi_match": {"query": "qaddafi"}},
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["people_names.key", "people_names"], "query": "GADDAFI"}}]}},
                  {"bool": {"filter": [{"multi_match": {"type": "phrase", "fields": ["places_names.key", "places_names"], "query": "SIRTE PORT"}}]}},
                  {"bool": {"filter": [{"multi_match": {"type": "bool_prefix", "fields": ["groups_names.key", "groups_names"],
                     "query": "NAT"}}]}}]}}""",
                json(query), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldMatchSourceExactlyIgnoringCase() throws Exception {
        assertQuery("source:(reuters OR \"Al Jazeera\" OR agence*)", """
                {"bool": {"should": [
                  {"term": {"source": {"value": "reuters", "case_insensitive": true}}},
                  {"term": {"source": {"value": "Al Jazeera", "case_insensitive": true}}},
                  {"prefix": {"source": {"value": "agence", "case_insensitive": true}}}]}}""");
    }

    @Test
    void shouldRankAScopedNameBySalienceInTheArticleAndByTheNameInTheText() throws Exception {
        assertQuery("place:iran", """
                {"bool": {
                  "filter": [{"multi_match": {"type": "phrase", "fields": ["places_names.key", "places_names"], "query": "iran"}}],
                  "should": [
                    {"nested": {"path": "entity_salience", "score_mode": "max", "ignore_unmapped": true,
                      "query": {"function_score": {"boost_mode": "replace",
                        "functions": [{"field_value_factor": {"field": "entity_salience.value", "missing": 0.0}}],
                        "query": {"bool": {"filter": [
                          {"term": {"entity_salience.type": {"value": "place"}}},
                          {"multi_match": {"type": "phrase", "fields": ["entity_salience.names.key", "entity_salience.names"], "query": "iran"}}]}}}}}},
                    {"multi_match": {"query": "iran", "type": "phrase", "fields": ["title^2", "body"]}}]}}""");
    }

    @Test
    void shouldLeaveScoringOutOfExcludedNames() {
        assertThat(json(JournalistQuery.parse("raid -person:kirby").query())).doesNotContain("entity_salience");
    }

    @Test
    void shouldRelaxMoreThanThreeWordsRankingArticlesWithAllOfThemFirst() throws Exception {
        JournalistQuery query = JournalistQuery.parse("opec oil production quotas");
        assertThat(query.relaxed()).isTrue();
        JSONAssert.assertEquals("""
                {"bool": {
                  "must": [{"multi_match": {"query": "opec oil production quotas", "type": "cross_fields",
                            "operator": "or", %s}}],
                  "should": [
                    {"constant_score": {"_name": "all_words", "boost": 10000.0, "filter":
                      {"multi_match": {"query": "opec oil production quotas", "operator": "and"}}}}]}}"""
                .formatted(TEXT), json(query.query()), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldSearchTheFirstThreeHundredWordsOfALongerPastedText() throws Exception {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            words.add("w" + i);
        }
        JournalistQuery query = JournalistQuery.parse(String.join(" ", words));
        String first300 = String.join(" ", words.subList(0, QueryTranslator.MOST_RELAXED_TERMS));

        assertThat(QueryTranslator.MOST_RELAXED_TERMS).isEqualTo(300);
        JSONAssert.assertEquals("""
                {"bool": {
                  "must": [{"multi_match": {"query": "%s", "operator": "or"}}],
                  "should": [{"constant_score": {"filter": {"multi_match": {"query": "%s", "operator": "and"}}}}]}}"""
                .formatted(first300, first300), json(query.query()), JSONCompareMode.LENIENT);
        assertThat(json(query.query())).doesNotContain("w300");
    }

    @Test
    void shouldCountEachChineseCharacterAsATermWhenCuttingALongPastedText() {
        String chinese = "石油输出国组织决定维持产量配额".repeat(30); // 15 characters, 15 terms each time

        List<String> kept = QueryTranslator.firstTerms(List.of("opec", "oil-quotas", "2024", chinese, "vienna"));

        assertThat(kept).hasSize(4);
        assertThat(kept.subList(0, 3)).containsExactly("opec", "oil-quotas", "2024");
        assertThat(kept.get(3)).hasSize(300 - 4).isEqualTo(chinese.substring(0, 296));
        assertThat(AnalyzedTerms.of("oil-quotas")).isEqualTo(2);
        assertThat(AnalyzedTerms.of("石油の価格")).isEqualTo(5);
        assertThat(AnalyzedTerms.of("ガソリン")).as("katakana stays one word").isEqualTo(1);
    }

    @Test
    void shouldLeaveQuestionAndStopWordsOutOfTheWordsOfALongQuestion() throws Exception {
        JournalistQuery query = JournalistQuery.parse("What, did OPEC decide about the oil production quotas? How?");
        assertThat(query.relaxed()).isTrue();
        JSONAssert.assertEquals("""
                {"bool": {
                  "must": [{"multi_match": {"query": "OPEC decide oil production quotas?", "operator": "or"}}],
                  "should": [{"constant_score": {"_name": "all_words", "filter":
                      {"multi_match": {"query": "OPEC decide oil production quotas?", "operator": "and"}}}}]}}""",
                json(query.query()), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldDecideShortOrLongByTheWordsAsTyped() throws Exception {
        JournalistQuery query = JournalistQuery.parse("earnings and earnings forecasts");
        assertThat(query.relaxed()).isTrue();
        JSONAssert.assertEquals("""
                {"bool": {"must": [{"multi_match": {"query": "earnings earnings forecasts", "operator": "or"}}]}}""",
                json(query.query()), JSONCompareMode.LENIENT);
    }

    @Test
    void shouldRequireOnlyTheContentWordsOfAShortQuestion() throws Exception {
        JournalistQuery query = JournalistQuery.parse("where is idlib");
        assertThat(query.relaxed()).isFalse();
        JSONAssert.assertEquals("""
                {"multi_match": {"query": "idlib", "operator": "and"}}""", json(query.query()),
                JSONCompareMode.LENIENT);
    }

    @Test
    void shouldKeepAnAcronymInCapitalsAmongLowerCaseWords() {
        assertThat(JournalistQuery.parse("what did WHO say about vaccines").query().bool().must().getFirst()
                .multiMatch().query()).isEqualTo("WHO say vaccines");
        assertThat(JournalistQuery.parse("WHAT DID WHO SAY ABOUT VACCINES").query().bool().must().getFirst()
                .multiMatch().query()).isEqualTo("SAY VACCINES");
    }

    @Test
    void shouldKeepFunctionWordsWhenNothingElseRemainsOrWhenEveryWordIsAskedFor() {
        assertThat(JournalistQuery.parse("who are you").query().bool().must().getFirst().multiMatch().query())
                .isEqualTo("who are you");
        assertThat(JournalistQuery.parse("what AND opec oil quotas").query().multiMatch().query())
                .isEqualTo("what opec oil quotas");
    }

    @Test
    void shouldReadAndOrNotAsWordsOfASentenceTypedInCapitals() {
        JournalistQuery sentence = JournalistQuery.parse("EFFORTS OF THE UN TO FREE ANGOLA AND MOZAMBIQUE OR GUINEA");
        assertThat(sentence.relaxed()).isTrue();
        assertThat(sentence.syntax()).isInstanceOf(QueryNode.And.class);
        assertThat(json(sentence.query())).contains("\"EFFORTS UN FREE ANGOLA MOZAMBIQUE GUINEA\"");
        assertThat(JournalistQuery.parse("IRAN OR IRAQ").syntax()).isInstanceOf(QueryNode.Or.class);
        assertThat(JournalistQuery.parse("IRAN -IRAQ SANCTIONS OIL EXPORTS").syntax().toString()).contains("Not");
        assertThat(JournalistQuery.parse("opec AND oil production Quotas").relaxed()).isFalse();
    }

    @Test
    void shouldKeepRequiringEveryWordOfThreeOrWithAnExplicitAnd() {
        assertThat(JournalistQuery.parse("opec oil quotas").relaxed()).isFalse();
        JournalistQuery strict = JournalistQuery.parse("opec AND oil production quotas");
        assertThat(strict.relaxed()).isFalse();
        assertThat(strict.query().multiMatch().operator()).hasToString("And");
        assertThat(json(strict.query())).doesNotContain("all_words");
    }

    @Test
    void shouldRelaxOnlyTheTopLevelWordsAndKeepOtherClausesRequired() throws Exception {
        JournalistQuery query = JournalistQuery.parse("opec oil production quotas source:reuters -saudi");
        assertThat(query.relaxed()).isTrue();
        JSONAssert.assertEquals("""
                {"bool": {
                  "must": [
                    {"bool": {"must": [{"multi_match": {"operator": "or"}}]}},
                    {"term": {"source": {"value": "reuters"}}}],
                  "must_not": [{"multi_match": {"query": "saudi", "operator": "and"}}]}}""",
                json(query.query()), JSONCompareMode.LENIENT);
        assertThat(JournalistQuery.parse("(opec oil production quotas) OR saudi").relaxed()).isFalse();
    }

    @Test
    void shouldOfferOnlyPlainPositiveWordsForNameMatching() {
        assertThat(JournalistQuery.parse("abd al-rahman").plainText()).contains("abd al-rahman");
        assertThat(JournalistQuery.parse("\"abdel rahman\" raid").plainText()).contains("abdel rahman raid");
        assertThat(JournalistQuery.parse("-assad").plainText()).isEmpty();
        assertThat(JournalistQuery.parse("person:kirby").plainText()).isEmpty();
        assertThat(JournalistQuery.parse("kirby OR blinken").plainText()).isEmpty();
        assertThat(JournalistQuery.parse("raid -assad").plainText()).isEmpty();
        assertThat(JournalistQuery.parse("").plainText()).isEmpty();
    }

    @Test
    void shouldMatchEverythingForEmptyQuery() throws Exception {
        assertQuery("  ", """
                {"match_all": {}}""");
        assertThat(JournalistQuery.parse(null).query().isMatchAll()).isTrue();
    }

    @Test
    void shouldPassHostileTextOnlyAsQueryText() throws Exception {
        String hostile = "{\"script\": {\"source\": \"x\"}}";
        Query query = JournalistQuery.parse("\"" + hostile.replace("\"", "\\\"") + "\"").query();
        assertThat(json(query)).doesNotContain("\"script\":");
        assertThat(query.multiMatch().query()).isEqualTo(hostile);
    }

    @Test
    void shouldListPositiveTextTermsForHighlighting() {
        assertThat(JournalistQuery.parse(
                "raid \"special forces\" negotiat* -opinion person:kirby title:idlib OR kadhafi~").highlightTerms())
                .containsExactly("raid", "special forces", "negotiat", "idlib", "kadhafi");
    }
}
