package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clipfile.search.query.QueryNode.All;
import org.clipfile.search.query.QueryNode.And;
import org.clipfile.search.query.QueryNode.Fuzzy;
import org.clipfile.search.query.QueryNode.Near;
import org.clipfile.search.query.QueryNode.Not;
import org.clipfile.search.query.QueryNode.Or;
import org.clipfile.search.query.QueryNode.Phrase;
import org.clipfile.search.query.QueryNode.Prefix;
import org.clipfile.search.query.QueryNode.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax tree for each construct of the language; the Elasticsearch JSON is in {@link QueryTranslatorTests}. */
class QueryParserTests {
    private final QueryParser parser = new QueryParser();

    private QueryNode parse(String q) {
        return parser.parse(q);
    }

    private static Word word(String text) {
        return new Word(Scope.TEXT, text);
    }

    private static And and(QueryNode... clauses) {
        return new And(List.of(clauses));
    }

    private static Or or(QueryNode... clauses) {
        return new Or(List.of(clauses));
    }

    @Test
    void shouldRequireAllPlainWords() {
        assertThat(parse("raid idlib")).isEqualTo(and(word("raid"), word("idlib")));
    }

    @Test
    void shouldReadExplicitAndLikeJuxtaposition() {
        assertThat(parse("raid AND idlib")).isEqualTo(parse("raid idlib"));
    }

    @Test
    void shouldBindOrTighterThanImplicitAnd() {
        assertThat(parse("iran talks OR negotiations"))
                .isEqualTo(and(word("iran"), or(word("talks"), word("negotiations"))));
    }

    @Test
    void shouldBindOrTighterThanExplicitAnd() {
        assertThat(parse("iran AND talks OR negotiations"))
                .isEqualTo(and(word("iran"), or(word("talks"), word("negotiations"))));
    }

    @Test
    void shouldChainOrIntoOneAlternative() {
        assertThat(parse("a OR b OR c")).isEqualTo(or(word("a"), word("b"), word("c")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kirby | blinken", "kirby|blinken", "kirby || blinken"})
    void shouldReadPipeAsOr(String q) {
        assertThat(parse(q)).isEqualTo(or(word("kirby"), word("blinken")));
    }

    @Test
    void shouldGroupWithParentheses() {
        assertThat(parse("(talks OR negotiations) iran"))
                .isEqualTo(and(or(word("talks"), word("negotiations")), word("iran")));
    }

    @Test
    void shouldFlattenNestedGroupsOfTheSameOperator() {
        assertThat(parse("a (b (c d))")).isEqualTo(and(word("a"), word("b"), word("c"), word("d")));
        assertThat(parse("a OR (b OR c)")).isEqualTo(or(word("a"), word("b"), word("c")));
    }

    @Test
    void shouldKeepNestedGroupsOfOtherOperators() {
        assertThat(parse("(a OR (b c)) d"))
                .isEqualTo(and(or(word("a"), and(word("b"), word("c"))), word("d")));
    }

    @Test
    void shouldLowerOperatorsInLowerCaseToWords() {
        assertThat(parse("war or peace and not")).isEqualTo(
                and(word("war"), word("or"), word("peace"), word("and"), word("not")));
    }

    @Test
    void shouldParseExactPhrase() {
        assertThat(parse("\"ceasefire talks\"")).isEqualTo(new Phrase(Scope.TEXT, "ceasefire talks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u201Cceasefire talks\u201D", "\u201Eceasefire talks\u201C", "\"ceasefire talks\u201D"})
    void shouldAcceptTypographicQuotesFromWordProcessors(String q) {
        assertThat(parse(q)).isEqualTo(new Phrase(Scope.TEXT, "ceasefire talks"));
    }

    @Test
    void shouldParseProximityAfterPhrase() {
        assertThat(parse("\"kirby talks\"~5")).isEqualTo(new Near(Scope.TEXT, "kirby talks", 5));
    }

    @Test
    void shouldParseTrailingWildcardAsPrefix() {
        assertThat(parse("negotiat*")).isEqualTo(new Prefix(Scope.TEXT, "negotiat"));
    }

    @Test
    void shouldParseFuzzyWithAutomaticOrExplicitEdits() {
        assertThat(parse("kadhafi~ kirbi~1 kadafi~2")).isEqualTo(and(
                new Fuzzy(Scope.TEXT, "kadhafi", null),
                new Fuzzy(Scope.TEXT, "kirbi", 1),
                new Fuzzy(Scope.TEXT, "kadafi", 2)));
    }

    @Test
    void shouldExcludeWithMinusOrNot() {
        Not excluded = new Not(word("opinion"));
        assertThat(parse("-opinion")).isEqualTo(excluded);
        assertThat(parse("NOT opinion")).isEqualTo(excluded);
    }

    @Test
    void shouldExcludePhrasesGroupsAndScopedTerms() {
        assertThat(parse("-\"press release\"")).isEqualTo(new Not(new Phrase(Scope.TEXT, "press release")));
        assertThat(parse("-(sport OR weather)")).isEqualTo(new Not(or(word("sport"), word("weather"))));
        assertThat(parse("-source:reuters")).isEqualTo(new Not(new Word(Scope.SOURCE, "reuters")));
    }

    @Test
    void shouldBindExclusionTighterThanOr() {
        assertThat(parse("a OR -b")).isEqualTo(or(word("a"), new Not(word("b"))));
    }

    @Test
    void shouldCancelDoubleExclusion() {
        assertThat(parse("NOT -kirby")).isEqualTo(word("kirby"));
    }

    @Test
    void shouldTreatHyphenBetweenSpacesAsPunctuation() {
        assertThat(parse("Gaza - Israel")).isEqualTo(and(word("Gaza"), word("Israel")));
        assertThat(parse("Gaza -- Israel")).isEqualTo(and(word("Gaza"), word("Israel")));
    }

    @Test
    void shouldKeepHyphensInsideWords() {
        assertThat(parse("al-Assad")).isEqualTo(word("al-Assad"));
    }

    @Test
    void shouldDropWordsWithoutLettersOrDigits() {
        assertThat(parse("Johnson & Johnson \u2014 results")).isEqualTo(
                and(word("Johnson"), word("Johnson"), word("results")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "& \u2014 -", "\u200F"})
    void shouldMatchEverythingWhenNothingIsSearchable(String q) {
        assertThat(parse(q)).isEqualTo(new All());
    }

    @Test
    void shouldScopeTheOneTermAfterTheField() {
        assertThat(parse("person:john kirby")).isEqualTo(and(new Word(Scope.PERSON, "john"), word("kirby")));
        assertThat(parse("person:\"john kirby\"")).isEqualTo(new Phrase(Scope.PERSON, "john kirby"));
    }

    @Test
    void shouldScopeEveryTermOfAGroup() {
        assertThat(parse("person:(kirby OR \"abdel rahman\")")).isEqualTo(or(
                new Word(Scope.PERSON, "kirby"), new Phrase(Scope.PERSON, "abdel rahman")));
    }

    @Test
    void shouldScopeEachConstructToEachField() {
        assertThat(parse("title:ceasefire group:hama* place:\"idlib city\"~2 source:Reuters person:kadhafi~")).isEqualTo(
                and(new Word(Scope.TITLE, "ceasefire"), new Prefix(Scope.GROUP, "hama"),
                        new Near(Scope.PLACE, "idlib city", 2), new Word(Scope.SOURCE, "Reuters"),
                        new Fuzzy(Scope.PERSON, "kadhafi", null)));
    }

    @Test
    void shouldRecogniseFieldNamesInAnyCase() {
        assertThat(parse("Title:ceasefire")).isEqualTo(new Word(Scope.TITLE, "ceasefire"));
    }

    @Test
    void shouldTreatUnknownFieldsAsText() {
        assertThat(parse("Note:the minister")).isEqualTo(and(word("Note:the"), word("minister")));
        assertThat(parse("http://example.org")).isEqualTo(word("http://example.org"));
    }

    @Test
    void shouldTreatFieldFollowedBySpaceAsText() {
        assertThat(parse("Source: the ministry")).isEqualTo(and(word("Source:"), word("the"), word("ministry")));
    }

    @Test
    void shouldEscapeOperatorsAndSpecialCharacters() {
        assertThat(parse("\\OR \\-5 a\\*b \\(x\\) title\\:y")).isEqualTo(and(
                word("OR"), word("-5"), word("a*b"), word("(x)"), word("title:y")));
    }

    @Test
    void shouldEscapeQuotesInsidePhrases() {
        assertThat(parse("\"say \\\"no\\\" twice\"")).isEqualTo(new Phrase(Scope.TEXT, "say \"no\" twice"));
    }

    @Test
    void shouldSeparateWordsByAnyWhitespaceAndInvisibleMarks() {
        assertThat(parse(" a\u00A0b\tc\u3000d\u200Fe\u202Ff\n")).isEqualTo(
                and(word("a"), word("b"), word("c"), word("d"), word("e"), word("f")));
    }

    @Test
    void shouldCollapseWhitespaceInsidePhrases() {
        assertThat(parse("\" ceasefire \u00A0\n talks \"")).isEqualTo(new Phrase(Scope.TEXT, "ceasefire talks"));
    }

    @Test
    void shouldComposeDecomposedAccents() {
        assertThat(parse("re\u0301sume\u0301")).isEqualTo(word("r\u00E9sum\u00E9"));
    }

    @Test
    void shouldParseArabicAndChineseText() {
        assertThat(parse("\"\u0628\u0634\u0627\u0631 \u0627\u0644\u0623\u0633\u062F\" \u5317\u4EAC")).isEqualTo(and(
                new Phrase(Scope.TEXT, "\u0628\u0634\u0627\u0631 \u0627\u0644\u0623\u0633\u062F"), word("\u5317\u4EAC")));
    }

    @Test
    void shouldCountVowelMarkedArabicLettersForPrefixLength() {
        // "mu-ha-m" with damma and fatha: three letters, two marks
        assertThat(parse("\u0645\u064F\u062D\u064E\u0645*")).isEqualTo(new Prefix(Scope.TEXT, "\u0645\u064F\u062D\u064E\u0645"));
    }

    @Test
    void shouldKeepSupplementaryCharactersInWords() {
        assertThat(parse("\uD835\uDC00bc")).isEqualTo(word("\uD835\uDC00bc"));
    }

    @Test
    void shouldSeparateWordsAtBrokenSurrogates() {
        assertThat(parse("ab\uD800cd")).isEqualTo(and(word("ab"), word("cd")));
    }
}
