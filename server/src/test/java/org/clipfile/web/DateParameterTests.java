package org.clipfile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateParameterTests {

    @Test
    void shouldStartAYearMonthOrDayAtMidnightUtc() {
        assertThat(DateParameter.parse("2024", "from", false)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(DateParameter.parse("2024-02", "from", false)).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(DateParameter.parse(" 2024-02-03 ", "from", false))
                .isEqualTo(Instant.parse("2024-02-03T00:00:00Z"));
    }

    @Test
    void shouldEndAfterTheWholeYearMonthOrDay() {
        assertThat(DateParameter.parse("2024", "to", true)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(DateParameter.parse("2024-02", "to", true)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(DateParameter.parse("2024-02-29", "to", true)).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    }

    @Test
    void shouldTakeADateTimeAsItIsAtEitherEnd() {
        assertThat(DateParameter.parse("2024-02-03T10:15:00+02:00", "to", true))
                .isEqualTo(Instant.parse("2024-02-03T08:15:00Z"));
        assertThat(DateParameter.parse("2024-02-03T10:15:00Z", "from", false))
                .isEqualTo(Instant.parse("2024-02-03T10:15:00Z"));
    }

    @Test
    void shouldReadAbsentOrBlankAsNoBound() {
        assertThat(DateParameter.parse(null, "from", false)).isNull();
        assertThat(DateParameter.parse("  ", "to", true)).isNull();
    }

    @Test
    void shouldRefuseMalformedDatesNamingTheParameter() {
        assertThatThrownBy(() -> DateParameter.parse("yesterday", "from", false))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("from must be a date (2024, 2024-02, 2024-02-03) or an ISO date-time "
                        + "(2024-02-03T10:15:00Z), not 'yesterday'");
        assertThatThrownBy(() -> DateParameter.parse("2024-02-30", "to", true))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("to must be a date");
        assertThatThrownBy(() -> DateParameter.parse("2024-13", "to", true))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("to must be a date");
        assertThatThrownBy(() -> DateParameter.parse("2024-02-03T25:00:00Z", "from", false))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("from must be a date");
    }
}
