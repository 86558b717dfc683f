package org.clipfile.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2015-07-24T05:36:09+01:00        | 2015-07-24T04:36:09Z",
        "2015-07-24T05:36:09.607Z         | 2015-07-24T05:36:09Z",
        "2015-07-24T05:36:09+0100         | 2015-07-24T04:36:09Z",
        "2015-07-24 05:36:09              | 2015-07-24T05:36:09Z",
        "2015-07-24                       | 2015-07-24T00:00:00Z",
        "2015/07/24                       | 2015-07-24T00:00:00Z",
        "20150724                         | 2015-07-24T00:00:00Z",
        "Fri, 24 Jul 2015 05:36:09 GMT    | 2015-07-24T05:36:09Z",
        "July 24, 2015                    | 2015-07-24T00:00:00Z",
        "Jul. 24, 2015 5:36 p.m. EDT      | 2015-07-24T21:36:00Z",
        "24th July 2015                   | 2015-07-24T00:00:00Z",
        "Updated 24 July 2015 at 17:36    | 2015-07-24T17:36:00Z",
        "7/24/2015                        | 2015-07-24T00:00:00Z",
        "1437716169                       | 2015-07-24T05:36:09Z",
        "1437716169000                    | 2015-07-24T05:36:09Z"})
    void shouldParseTheFormatsPagesUse(String text, String expected) {
        assertThat(PublishedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2015-13-40", "1850-01-01", "12345", "Page 2015"})
    void shouldReturnNullForTextThatIsNotADate(String text) {
        assertThat(PublishedDates.parse(text)).isNull();
    }
}
