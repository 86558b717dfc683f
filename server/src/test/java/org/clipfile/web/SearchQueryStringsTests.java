package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.util.List;
import org.clipfile.search.Facet;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.junit.jupiter.api.Test;

class SearchQueryStringsTests {
    @Test
    void shouldReadAStoredQueryStringWithTheRulesOfTheSearchEndpoint() {
        SearchParameters parameters = SearchQueryStrings.parse(
                "?q=raid+near%20Atme&country=SY&country=IQ&-source=Sputnik&from=2024-01&article=ignored",
                id -> List.of());

        assertThat(parameters.q()).isEqualTo("raid near Atme");
        assertThat(parameters.selections().get(Facet.COUNTRY).include()).containsExactly("SY", "IQ");
        assertThat(parameters.selections().get(Facet.SOURCE).exclude()).containsExactly("Sputnik");
        assertThat(parameters.publishedFrom()).hasToString("2024-01-01T00:00:00Z");
        assertThat(parameters.ids()).isNull();
    }

    @Test
    void shouldTurnACollectionIntoAnIdsFilterOnHitsAndFacets() {
        SearchParameters parameters = SearchQueryStrings.parse("q=crane&collection=c1",
                id -> id.equals("c1") ? List.of("a1", "a2") : List.of());

        assertThat(parameters.ids()).containsExactly("a1", "a2");
        String json = JsonpUtils.toJsonString(SearchRequestFactory.filteredQuery(parameters),
                new Jackson3JsonpMapper());
        assertThat(json).contains("\"ids\":{\"values\":[\"a1\",\"a2\"]}");
    }

    @Test
    void shouldRefuseMalformedQueryStrings() {
        assertThatThrownBy(() -> SearchQueryStrings.parse("q=%ZZ", id -> List.of()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> SearchQueryStrings.parse("from=yesterday", id -> List.of()))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> SearchQueryStrings.parse("q=" + "x".repeat(9000), id -> List.of()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("8000");
    }
}
