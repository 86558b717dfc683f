package org.clipfile.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.article.ArticleDraft;
import org.junit.jupiter.api.Test;

class ReutersSgmlReaderTests {
    // Written for these tests in the layout of the collection's files.
    static final String FILE = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>cocoa</D><D>grain</D></TOPICS>
            <PLACES><D>el-salvador</D><D>usa</D></PLACES>
            <PEOPLE></PEOPLE>
            <ORGS><D>ico-cocoa</D></ORGS>
            <TEXT>&#2;
            <TITLE>BAHIA COCOA &amp; COFFEE REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
            the Bahia cocoa zone, alleviating the drought.
                Arrivals for the week were 155,221 bags of 60 kilos.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="8">
            <DATE> 2-MAR-1987 08:10:00.00</DATE>
            <TOPICS></TOPICS>
            <TEXT TYPE="BRIEF">&#2;
            ******<TITLE>SHEARSON SEES NO CHANGE IN RATES
            </TITLE>
            &#3;
            </TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="9">
            <DATE>3-MAR-1987 10:00:00.00</DATE>
            <TEXT TYPE="UNPROC">&#2;
            FEDERAL RESERVE MONEY SUPPLY REPORT
                One week ended Feb 16
            &#3;
            </TEXT>
            </REUTERS>
            """;

    private static List<RawDocument> stories() {
        List<RawDocument> stories = new ArrayList<>();
        ReutersSgmlReader.split("reut2-000.sgm", FILE, stories::add);
        return stories;
    }

    private static ArticleDraft story(int index) {
        return ReutersSgmlReader.parse(new String(stories().get(index).bytes()));
    }

    @Test
    void shouldSplitAFileIntoNamedStories() {
        assertThat(stories()).extracting(RawDocument::name)
                .containsExactly("reut2-000.sgm#NEWID=7", "reut2-000.sgm#NEWID=8", "reut2-000.sgm#NEWID=9");
        assertThat(ReutersSgmlReader.count(FILE)).isEqualTo(3);
    }

    @Test
    void shouldMapTitleDateTopicsAndIdentity() {
        ArticleDraft draft = story(0);

        assertThat(draft.title()).isEqualTo("BAHIA COCOA & COFFEE REVIEW");
        assertThat(draft.published()).isEqualTo(Instant.parse("1987-02-26T15:01:01.790Z"));
        assertThat(draft.tags()).containsExactly("cocoa", "grain");
        assertThat(draft.section()).isEqualTo("cocoa");
        assertThat(draft.source()).isEqualTo("Reuters");
        assertThat(draft.url()).isEqualTo("urn:reuters-21578:7");
    }

    @Test
    void shouldRejoinHardWrappedLinesAndDropTheSignature() {
        assertThat(story(0).body()).isEqualTo("""
                Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought.

                Arrivals for the week were 155,221 bags of 60 kilos.""");
    }

    @Test
    void shouldUseTheHeadlineAsBodyOfABrief() {
        ArticleDraft brief = story(1);

        assertThat(brief.title()).isEqualTo("SHEARSON SEES NO CHANGE IN RATES");
        assertThat(brief.body()).isEqualTo(brief.title());
        assertThat(brief.published()).isEqualTo(Instant.parse("1987-03-02T08:10:00Z"));
    }

    @Test
    void shouldTakeTheFirstLineOfAnUnprocessedStoryAsTitle() {
        ArticleDraft unprocessed = story(2);

        assertThat(unprocessed.title()).isEqualTo("FEDERAL RESERVE MONEY SUPPLY REPORT");
        assertThat(unprocessed.body()).isEqualTo("One week ended Feb 16");
    }

    @Test
    void shouldDropTheSignOffInCapitalsAtTheEndOfALine() {
        ArticleDraft draft = ReutersSgmlReader.parse("""
                <REUTERS NEWID="20"><DATE>3-MAR-1987 10:00:00.00</DATE><TEXT>&#2;
                <TITLE>ARGENTINE GRAIN REPORT</TITLE><BODY>Wheat 13.0, total 55.8 (33.7).        REUTER
                &#3;</BODY></TEXT></REUTERS>""");

        assertThat(draft.body()).isEqualTo("Wheat 13.0, total 55.8 (33.7).");
    }

    @Test
    void shouldReadTheHandAssignedLabels() {
        var labels = ReutersSgmlReader.labels(new String(stories().getFirst().bytes()));

        assertThat(labels.places()).containsExactly("el-salvador", "usa");
        assertThat(labels.orgs()).containsExactly("ico-cocoa");
        assertThat(labels.people()).isEmpty();
    }

    @Test
    void shouldRejectAStoryWithoutText() {
        assertThatThrownBy(() -> ReutersSgmlReader.parse("""
                <REUTERS NEWID="12"><DATE>3-MAR-1987 10:00:00.00</DATE><TEXT TYPE="UNPROC">&#2;
                &#3;</TEXT></REUTERS>"""))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("12 has no title");
    }
}
