package org.clipfile.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTests {
    @Test
    void shouldDecodeUtf8() {
        assertThat(TextDecoder.decode("Zürich café".getBytes(StandardCharsets.UTF_8))).isEqualTo("Zürich café");
    }

    @Test
    void shouldFallBackToWindows1252WhenBytesAreNotUtf8() {
        byte[] latin = "Zürich café – “quoted”".getBytes(Charset.forName("windows-1252"));

        assertThat(TextDecoder.decode(latin)).isEqualTo("Zürich café – “quoted”");
    }

    @Test
    void shouldHonourByteOrderMarks() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(TextDecoder.decode(bom)).isEqualTo("hi");
        byte[] utf16 = {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'};
        assertThat(TextDecoder.decode(utf16)).isEqualTo("hi");
    }

    @Test
    void shouldRefuseBinaryData() {
        assertThatThrownBy(() -> TextDecoder.decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1}))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("binary");
    }
}
