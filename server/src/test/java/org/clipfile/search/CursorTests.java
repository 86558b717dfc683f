package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTests {
    @Test
    void shouldRoundTripThroughAnUrlSafeToken() {
        Cursor cursor = new Cursor("pit-id==", List.of(FieldValue.of(1.5), FieldValue.of(1706788800000L),
                FieldValue.of("x"), FieldValue.NULL));

        String token = cursor.encode();
        Cursor decoded = Cursor.decode(token);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(decoded.pit()).isEqualTo("pit-id==");
        assertThat(decoded.after()).extracting(FieldValue::_get).containsExactly(1.5, 1706788800000L, "x", null);
    }

    @Test
    void shouldRefuseATokenItDidNotIssue() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor"))
                .isInstanceOf(Cursor.InvalidCursorException.class)
                .hasMessageContaining("start again");
    }
}
