package org.clipfile.copies;

import org.clipfile.article.Sketch;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SketchTests {
    static final String STORY = """
            Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at Europe's largest \
            port. The union said the strike would last 48 hours unless employers improved their offer.

            Shipping lines diverted vessels to Antwerp and Hamburg. A spokesman for the port authority said about \
            40 ships were waiting at anchor off the Dutch coast by the evening.

            Employers called the walkout irresponsible and said talks would resume on Wednesday. The last strike at \
            the port, in 2019, lasted three days and cost an estimated 100 million euros.""";

    @Test
    void shouldSketchAnArticleOnceForItsCopyLookupAndItsStoredFields() {
        String body = STORY + " Sketched once " + System.nanoTime() + ".";
        Sketch lookedUp = Sketch.of(body);
        org.clipfile.article.Article article = new org.clipfile.article.Article("a1", "Port strike", body, null,
                null, null, null, java.util.List.of(), null, null, java.time.Instant.EPOCH, "hash", null)
                .withCluster("a1");

        // The stored fields are the lookup's sketch, not a second computation of it.
        assertThat(org.clipfile.index.ArticleDocument.of(article).dup().bands()).isSameAs(lookedUp.bands());
        assertThat(Sketch.of(new String(body))).isSameAs(lookedUp);
        assertThat(Sketch.of(body + " And one more sentence.")).isNotSameAs(lookedUp);
    }

    @Test
    void shouldGiveTheSameSketchToTheSameTextWhateverItsCaseAndSpacing() {
        Sketch one = Sketch.of(STORY);
        Sketch other = Sketch.of(STORY.toUpperCase().replace(" ", "  \n"));

        assertThat(one.signature()).isEqualTo(other.signature());
        assertThat(one.bands()).isEqualTo(other.bands());
        assertThat(one.similarity(other.signature())).isEqualTo(1.0);
        assertThat(one.bands()).hasSize(Sketch.BANDS).doesNotHaveDuplicates();
    }

    @Test
    void shouldFindAReprintWithAParagraphDroppedAndASentenceRephrased() {
        String reprint = STORY.substring(0, STORY.indexOf("Shipping lines"))
                + STORY.substring(STORY.indexOf("Employers called")).replace(
                        "Employers called the walkout irresponsible", "The employers' federation condemned the strike");
        Sketch original = Sketch.of(STORY);
        Sketch copy = Sketch.of(reprint);

        assertThat(original.similarity(copy.signature())).isGreaterThanOrEqualTo(CopiesProperties.MIN_SIMILARITY);
        assertThat(copy.containment(original.signature(), original.size())).isGreaterThanOrEqualTo(
                CopiesProperties.CONTAINMENT);
        assertThat(original.bands()).containsAnyElementsOf(copy.bands());
    }

    @Test
    void shouldKeepDifferentStoriesApart() {
        Sketch strike = Sketch.of(STORY);
        Sketch other = Sketch.of("""
                The central bank left interest rates unchanged on Thursday, saying inflation was slowing faster \
                than expected. Markets had priced in a cut, and the currency rose half a percent after the \
                announcement. Economists expect the first cut in the spring, when wage figures are due.""");

        assertThat(strike.similarity(other.signature())).isLessThan(0.1);
    }

    @Test
    void shouldGiveNoBandsToASnippetTooShortToCompare() {
        assertThat(Sketch.of("No comment.").comparable()).isFalse();
        assertThat(Sketch.of("").comparable()).isFalse();
        assertThat(Sketch.of(null).comparable()).isFalse();
    }

    @Test
    void shouldKeepNumbersWithTheirSeparatorsAsOneWord() {
        assertThat(Sketch.words("Net 1,250,000 vs 3.5 mln, up.")).containsExactly("net", "1,250,000", "vs", "3.5",
                "mln", "up");
    }

    @Test
    void shouldRoundTripTheStoredSignatureAndRejectAMalformedOne() {
        Sketch sketch = Sketch.of(STORY);

        assertThat(Sketch.decodeSignature(sketch.encodedSignature())).containsExactly(sketch.signature());
        assertThat(Sketch.decodeSignature("not base64!")).isEmpty();
        assertThat(Sketch.decodeSignature("AAAA")).isEmpty();
        assertThat(sketch.similarity(new int[0])).isZero();
    }

    @Test
    void shouldTellTemplateNoticesOfDifferentCompaniesApartByTheirLeadingNames() {
        Sketch tcf = Sketch.of("TCF Banking and Savings FA said it is raising its prime rate to 7-3/4 pct.");
        Sketch northern = Sketch.of("Northern Trust Co said it is raising its prime rate to 7-3/4 pct.");
        Sketch reprint = Sketch.of("The TCF Banking and Savings FA said on Tuesday it raises its prime rate.");

        assertThat(tcf.lead()).containsExactly("tcf", "banking");
        assertThat(tcf.leadAgrees(northern.lead())).isFalse();
        assertThat(tcf.leadAgrees(reprint.lead())).isTrue();
        assertThat(Sketch.of("The cash price closed at 6 cts on April 6 in Chicago").lead()).containsExactly("april",
                "chicago");
    }

    @Test
    void shouldTellTwoBanksShoutedNoticesApartThoughTheirNamesBothBeginWithBank() {
        // Reuters 4484 and 4499: flashes whose text is their shouted headline, the same day.
        Sketch montreal = Sketch.of("BANK OF MONTREAL CUTS PRIME RATE TO 8-3/4 PCT FROM 9-1/4 PCT, EFFECTIVE FRIDAY");
        Sketch novaScotia = Sketch.of("BANK OF NOVA SCOTIA CUTS PRIME RATE TO 8-3/4 PCT FROM 9-1/4 PCT, EFFECTIVE "
                + "TOMORROW");
        Sketch resent = Sketch.of("BANK OF MONTREAL CUTS PRIME RATE TO 8-3/4 PCT FROM 9-1/4 PCT, EFFECTIVE FRIDAY.");

        assertThat(montreal.lead()).containsExactly("montreal", "cuts");
        assertThat(montreal.leadAgrees(novaScotia.lead())).isFalse();
        assertThat(montreal.leadAgrees(resent.lead())).isTrue();
        assertThat(Sketch.of("Bank of New York said it raised its prime lending rate").lead())
                .containsExactly("new", "york");
    }

    @Test
    void shouldRequireMostNumbersOfTheSmallerSetInTheOther() {
        Sketch monday = Sketch.of("shortage of around 350 mln stg, bills will drain 1,020 mln and notes 330 mln");

        assertThat(monday.numbersAgree(Sketch.of("a shortage of 450 mln, with 1,020 mln and 330 mln").numbers(),
                0.6)).isTrue();
        assertThat(monday.numbersAgree(Sketch.of("a shortage of 450 mln, with 870 mln and 120 mln").numbers(),
                0.6)).isFalse();
        assertThat(monday.numbersAgree(java.util.List.of("350"), 0.6)).isTrue();
    }
}
