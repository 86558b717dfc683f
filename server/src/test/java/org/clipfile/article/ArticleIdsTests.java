package org.clipfile.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTests {

    private static Article article(String title, String body, String url) {
        return new ArticleDraft(title, body, null, null, url, null, List.of(), null, null)
                .toArticle(Instant.now());
    }

    @Test
    void shouldGiveTheSameIdToTheSameContent() {
        assertThat(article("Title", "Body", null).id()).isEqualTo(article("Title", "Body", null).id());
    }

    @Test
    void shouldGiveDifferentIdsToDifferentContent() {
        assertThat(article("Title", "Body", null).id()).isNotEqualTo(article("Title", "Body 2", null).id());
    }

    @Test
    void shouldKeyOnTheUrlWhenThereIsOne() {
        Article first = article("Old title", "Old body", "https://News.Example.org/a/1");
        Article updated = article("New title", "New body", "https://news.example.org/a/1#comments");

        assertThat(updated.id()).isEqualTo(first.id());
        assertThat(updated.contentHash()).isNotEqualTo(first.contentHash());
    }

    @Test
    void shouldKeepPathCaseInUrls() {
        assertThat(article("t", "b", "https://example.org/A").id())
                .isNotEqualTo(article("t", "b", "https://example.org/a").id());
    }

    @Test
    void shouldUse24HexCharacters() {
        assertThat(article("t", "b", null).id()).matches("[0-9a-f]{24}");
        assertThat(article("t", "b", null).contentHash()).matches("[0-9a-f]{64}");
    }
}
