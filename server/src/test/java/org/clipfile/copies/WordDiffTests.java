package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordDiffTests {
    @Test
    void shouldReportNothingForTheSameText() {
        WordDiff.Result same = WordDiff.of("The port was closed.", "The  port was\nclosed.");

        assertThat(same.wordsAdded()).isZero();
        assertThat(same.wordsRemoved()).isZero();
        assertThat(same.changes()).isEmpty();
        assertThat(same.complete()).isTrue();
    }

    @Test
    void shouldShowARephrasedWordAndADroppedSentence() {
        WordDiff.Result diff = WordDiff.of("Workers walked out on Monday. Ships waited at anchor. Talks resume.",
                "Workers struck on Monday. Talks resume.");

        assertThat(diff.wordsRemoved()).isEqualTo(6);
        assertThat(diff.wordsAdded()).isEqualTo(1);
        assertThat(diff.changes()).extracting(WordDiff.Change::removed).containsExactly("walked out",
                "Ships waited at anchor.");
        assertThat(diff.changes()).extracting(WordDiff.Change::added).containsExactly("struck", "");
    }

    @Test
    void shouldHandleEmptyTexts() {
        assertThat(WordDiff.of("", "one two").wordsAdded()).isEqualTo(2);
        assertThat(WordDiff.of("one two", "").wordsRemoved()).isEqualTo(2);
        assertThat(WordDiff.of("", "").changes()).isEmpty();
    }

    @Test
    void shouldGiveUpOnDetailsWhenTextsDifferTooMuch() {
        String first = "a ".repeat(400);
        String second = "b ".repeat(400);

        WordDiff.Result diff = WordDiff.of(first, second);

        assertThat(diff.complete()).isFalse();
        assertThat(diff.changes()).isEmpty();
    }
}
