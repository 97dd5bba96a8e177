package dev.mana.extract.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.Favor;
import dev.mana.extract.content.Format;
import dev.mana.platform.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestedUrlTest {

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Example.COM, https://example.com/",
        "https://example.com:443/a?b=1#frag, https://example.com/a?b=1",
        "http://example.com:80/a, http://example.com/a",
        "http://example.com:8080/a, http://example.com:8080/a",
        "'  https://example.com./a  ', https://example.com/a",
        "http://0x7f.1/, http://0x7f.1/"
    })
    void normalisedForTheCache(String raw, String normalized) {
        assertThat(RequestedUrl.check(raw, "url").normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "/relative", "ftp://example.com/", "mailto:a@example.com", "http://"})
    void refused_as422NamingTheField(String raw) {
        assertThatThrownBy(() -> RequestedUrl.check(raw, "urls[2]")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode().status()).isEqualTo(422);
            assertThat(e.extensions()).containsEntry("field", "urls[2]");
        });
    }

    @Test
    void cacheKey_dependsOnTheUrlAndTheOptionsThatChangeTheAnswer() {
        var url = RequestedUrl.check("https://example.com/a", "url");
        var same = RequestedUrl.check("HTTPS://EXAMPLE.com/a#x", "url");
        var options = ExtractOptions.defaults();

        assertThat(CacheKey.of(url, options))
                .isEqualTo(CacheKey.of(same, options))
                .startsWith("extract:v2:");
        assertThat(CacheKey.of(url, options.withFormats(Format.TEXT))).isNotEqualTo(CacheKey.of(url, options));
        assertThat(CacheKey.of(url, options.withOnlyMainContent(false))).isNotEqualTo(CacheKey.of(url, options));
        assertThat(CacheKey.of(url, options.withFavor(Favor.PRECISION))).isNotEqualTo(CacheKey.of(url, options));
        assertThat(CacheKey.of(url, options.withSelectors(List.of("main"), List.of())))
                .isNotEqualTo(CacheKey.of(url, options.withSelectors(List.of(), List.of("main"))));
    }
}
