package org.clipfile.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each mistake a journalist can make: where it is reported, what it says and how to fix it. */
class QuerySyntaxErrorTests {

    private static QuerySyntaxException error(String q) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> new QueryParser().parse(q));
        assertThat(e).as("error for %s", q).isNotNull();
        return e;
    }

    private static void assertError(String q, int position, String message, String hint) {
        QuerySyntaxException e = error(q);
        assertThat(e.position()).as("position in %s", q).isEqualTo(position);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.hint()).contains(hint);
    }

    @Test
    void shouldPointAtTheOpeningQuoteThatIsNeverClosed() {
        assertError("talks \"cease fire", 6, "unclosed quote", "add a closing \" or remove the opening one");
    }

    @Test
    void shouldPointAtTheParenthesisThatIsNeverClosed() {
        assertError("iran (talks OR (nuclear deal)", 5, "unclosed parenthesis", "add a closing )");
    }

    @Test
    void shouldPointAtAClosingParenthesisWithoutOpening() {
        assertError("iran talks) deal", 10, "unmatched )", "remove the )");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "kirby OR;6;OR needs a word after it",
            "OR kirby;0;OR needs a word before it",
            "kirby OR OR blinken;6;OR needs a word after it",
            "(kirby OR) talks;7;OR needs a word after it",
            "kirby | ;6;OR needs a word after it",
            "kirby AND;6;AND needs a word after it",
            "AND kirby;0;AND needs a word before it",
            "kirby NOT;6;NOT needs a word after it"})
    void shouldPointAtADanglingOperator(String q, int position, String message) {
        assertError(q, position, message, "put a word, a \"phrase\" or a (group)");
    }

    @Test
    void shouldRejectEmptyParentheses() {
        assertError("talks ( ) iran", 6, "empty parentheses", "put words between ( and ), or remove them");
    }

    @Test
    void shouldRejectEmptyQuotes() {
        assertError("talks \"\" iran", 6, "nothing to search between the quotes", "put words between the quotes");
    }

    @Test
    void shouldRequireANumberAfterTheTildeOfAPhrase() {
        assertError("\"kirby talks\"~ iran", 13, "~ after a phrase needs a number", "\"ceasefire talks\"~5");
    }

    @Test
    void shouldRejectTextGluedToTheProximityNumber() {
        assertError("\"kirby talks\"~5x", 15, "unexpected text right after ~5", "put a space");
    }

    @Test
    void shouldRejectLettersAfterTheTildeOfAWord() {
        assertError("kirby~x", 5, "~ after a word takes 1, 2 or nothing", "word~1 or word~2");
    }

    @Test
    void shouldRejectTildeWithoutWord() {
        assertError("talks ~2", 6, "~ needs a word before it", "kadhafi~");
    }

    @ParameterizedTest
    @CsvSource({"kadhafi~3,7", "kadhafi~0,7", "kadhafi~99999999999999,7"})
    void shouldLimitFuzzyEditsToTwo(String q, int position) {
        assertError(q, position, "is not a fuzzy distance: at most 2", "word~1, word~2, or word~");
    }

    @Test
    void shouldRefuseAFuzzyWordLongerThanTwentyCharactersAndAcceptOneOfTwenty() {
        String twenty = "abcdefghijklmnopqrst";

        assertError("talks " + twenty + "u~", 6, "too long for a fuzzy word: at most 20", "remove the ~");
        assertThat(new QueryParser().parse("talks " + twenty + "~")).isNotNull();
    }

    @Test
    void shouldLimitProximity() {
        assertError("\"kirby talks\"~51", 13, "~51 is too far: at most ~50", "smaller number");
    }

    @ParameterizedTest
    @CsvSource({"ab*,0,\"ab*\" is too short: at least 3", "talks al-qa*,6,\"al-qa*\" is too short",
            "source:ap*,7,\"ap*\" is too short"})
    void shouldRequireThreeLettersBeforeTheWildcard(String q, int position, String message) {
        assertError(q, position, message, "type more letters before the *");
    }

    @Test
    void shouldRejectALoneWildcard() {
        assertError("talks *", 6, "* needs the start of a word before it", "an empty query lists every article");
    }

    @ParameterizedTest
    @CsvSource({"ne*gotiation,2", "*gotiation,0", "negotiat**,8", "negotiat*~,8"})
    void shouldAcceptWildcardsOnlyAtTheEndOfAWord(String q, int position) {
        assertError(q, position, "* works only at the end of a word", "escape a literal * as \\*");
    }

    @Test
    void shouldRejectWildcardAfterPhrase() {
        assertError("\"nuclear deal\"*", 14, "not after a phrase", "remove the *");
    }

    @Test
    void shouldRejectBackslashAtTheEnd() {
        assertError("talks\\", 5, "a backslash at the end escapes nothing", "write \\\\ to search for one");
    }

    @Test
    void shouldRejectNestedFieldScopes() {
        assertError("title:(talks person:kirby)", 13, "person: cannot be inside title:", "give each field its own");
        assertError("title:person:kirby", 6, "person: cannot be inside title:", "give each field its own");
    }

    @Test
    void shouldAskForTheExclusionBeforeTheField() {
        assertError("person:-kirby", 0, "person: needs a word, a \"phrase\" or a (group) right after the colon",
                "write -person:word");
    }

    @Test
    void shouldRejectFuzzyAndProximityInSource() {
        assertError("source:reuters~", 14, "source: takes an exact name", "source:prefix*");
        assertError("source:\"al jazeera\"~2", 19, "source: takes an exact name", "remove the ~");
    }

    @Test
    void shouldRejectTooLongQueryAtTheFirstCharacterPastTheLimit() {
        assertError("a".repeat(4001), 4000, "the query is too long: 4001 characters, at most 4000", "shorten");
    }

    @Test
    void shouldRejectMoreThanAThousandChineseCharactersAtTheFirstOnePastTheLimit() {
        String text = "oil " + "石油".repeat(500) + "の";

        assertError(text, 1004, "more than 1000 Chinese characters or kana", "shorten");
        assertThat(new QueryParser().parse("oil " + "石油".repeat(500))).isNotNull();
    }

    @Test
    void shouldAcceptQueryOfExactlyTheMaximumLength() {
        assertThat(new QueryParser().parse("a".repeat(4000))).isInstanceOf(QueryNode.Word.class);
    }

    @Test
    void shouldRejectNestingDeeperThanTenAtTheEleventhParenthesis() {
        assertError("(".repeat(11) + "a" + ")".repeat(11), 10, "nested too deeply: at most 10 levels",
                "remove some parentheses");
        assertThat(new QueryParser().parse("(".repeat(10) + "a" + ")".repeat(10))).isInstanceOf(QueryNode.Word.class);
    }

    @Test
    void shouldRejectTheSixtyFifthTermThatIsNotAPlainWord() {
        String q = "\"w\" ".repeat(64) + "last*";
        assertError(q, 256, "too many terms: at most 64", "split the search in two");
        assertThat(new QueryParser().parse("\"w\" ".repeat(64))).isInstanceOf(QueryNode.And.class);
    }

    @Test
    void shouldSearchAPastedParagraphOfMoreThanSixtyFourPlainWords() {
        String q = "word ".repeat(150) + "title:last";
        QueryNode parsed = new QueryParser().parse(q);
        assertThat(parsed).isInstanceOf(QueryNode.And.class);
        assertThat(((QueryNode.And) parsed).clauses()).hasSize(151);
    }

    @Test
    void shouldApplyConfiguredLimits() {
        QueryLimits strict = new QueryLimits(20, 2, 3, 4, 1, 5);
        QueryParser parser = new QueryParser(strict);
        assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse("abc*")).getMessage())
                .contains("at least 4 letters");
        assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse("abc~2")).getMessage())
                .contains("at most 1 letters may differ");
        assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse("\"a b\"~6")).getMessage())
                .contains("at most ~5");
        assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse("\"a\" \"b\" \"c\" \"d\"")).getMessage())
                .contains("at most 3");
        assertThat(catchThrowableOfType(QuerySyntaxException.class, () -> parser.parse("(((a)))")).getMessage())
                .contains("at most 2 levels");
    }
}
