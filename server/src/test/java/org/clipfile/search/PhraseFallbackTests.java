package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseFallbackTests {

    @Test
    void shouldLoosenTopLevelPhrasesIntoTheirWords() {
        assertThat(SearchService.loosenPhrases("\"oil production quotas\" vienna")).isEqualTo("oil production quotas vienna");
        assertThat(SearchService.loosenPhrases("\"oil quotas\"~3 OR gas")).isEqualTo("oil quotas OR gas");
    }

    @Test
    void shouldLeaveExcludedAndScopedPhrasesAsTheyAre() {
        assertThat(SearchService.loosenPhrases("opec -\"oil quotas\"")).isNull();
        assertThat(SearchService.loosenPhrases("person:\"james baker\" dollar")).isNull();
        assertThat(SearchService.loosenPhrases("title:\"oil\"")).isNull();
    }

    @Test
    void shouldHaveNothingToLoosenWithoutAPhrase() {
        assertThat(SearchService.loosenPhrases("oil quotas")).isNull();
        assertThat(SearchService.loosenPhrases("\"\"")).isNull();
        assertThat(SearchService.loosenPhrases("\"unbalanced quote")).isNull();
    }
}
