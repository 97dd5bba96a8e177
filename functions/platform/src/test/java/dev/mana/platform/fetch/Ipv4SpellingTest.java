package dev.mana.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4SpellingTest {

    @ParameterizedTest
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "017700000001, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.1, 127.0.0.1",
        "0xa9.0xfe.0xa9.0xfe, 169.254.169.254",
        "0251.0376.0251.0376, 169.254.169.254",
        "8.8.8.8, 8.8.8.8",
        "0x, 0.0.0.0"
    })
    void numericSpelling_isReadAsTheAddressBrowsersUse(String host, String expected) {
        byte[] bytes = Ipv4Spelling.parse(host).orElseThrow();
        assertThat(String.format("%d.%d.%d.%d", bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "1.example", "0x7f.example", "localhost"})
    void hostName_isNotNumeric(String host) {
        assertThat(Ipv4Spelling.parse(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4.5", "256.1.1.1", "1.2.3.256", "4294967296", "08.1.1.1", "example.1"})
    void badNumericHost_isRejected(String host) {
        assertThatThrownBy(() -> Ipv4Spelling.parse(host)).isInstanceOf(IllegalArgumentException.class);
    }
}
