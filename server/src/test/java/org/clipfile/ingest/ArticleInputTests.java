package org.clipfile.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleInputTests {

    @Test
    void shouldReadDatesDateTimesAndOffsets() {
        assertThat(ArticleInput.parsePublished("2024-02-03")).isEqualTo(Instant.parse("2024-02-03T00:00:00Z"));
        assertThat(ArticleInput.parsePublished("2024-02-03T10:15:00Z")).isEqualTo(Instant.parse("2024-02-03T10:15:00Z"));
        assertThat(ArticleInput.parsePublished("2024-02-03T10:15:00+02:00"))
                .isEqualTo(Instant.parse("2024-02-03T08:15:00Z"));
        assertThat(ArticleInput.parsePublished(" ")).isNull();
    }

    @Test
    void shouldExplainAnUnreadableDate() {
        assertThatThrownBy(() -> ArticleInput.parsePublished("03/02/2024"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("'03/02/2024'");
    }

    @Test
    void shouldNormalizeTextAndDropBlankOptionalFields() {
        var draft = new ArticleInput(" Title\u00a0one ", "Body\r\ntext", null, " ", null, "", List.of(" a ", " "),
                null, null).toDraft();

        assertThat(draft.title()).isEqualTo("Title one");
        assertThat(draft.body()).isEqualTo("Body\ntext");
        assertThat(draft.source()).isNull();
        assertThat(draft.section()).isNull();
        assertThat(draft.tags()).containsExactly("a");
    }

    /** Finding 15: a javascript: URL sent as JSON was stored and returned to every client. */
    @Test
    void shouldRefuseUrlsThatAreNotHttpOrHttps() {
        for (String url : List.of("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>",
                "file:///etc/passwd", "//evil.example/x", "http://")) {
            var input = new ArticleInput("Title", "Body", null, null, url, null, null, null, null);
            assertThatThrownBy(input::toDraft).as(url).isInstanceOf(InvalidArticleException.class)
                    .hasMessageContaining("http or https");
        }
        assertThat(new ArticleInput("Title", "Body", null, null, " https://news.example/a?b=1 ", null, null, null,
                null).toDraft().url()).isEqualTo("https://news.example/a?b=1");
    }
}
