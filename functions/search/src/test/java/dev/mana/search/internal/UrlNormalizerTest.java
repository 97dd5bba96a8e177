package dev.mana.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/a",
                "http://example.com/a",
                "HTTPS://WWW.Example.COM/a/",
                "https://example.com:443/a#section",
                "http://www.example.com:80/a//",
                "https://example.com/a?utm_source=x&utm_medium=y",
                "https://example.com/a?fbclid=1&gclid=2&msclkid=3&ref=hn",
                "https://example.com./a",
                "https://user@example.com/a",
                "https://example.com/%61"
            })
    void key_ignoresSchemeWwwCaseDefaultPortTrailingSlashFragmentAndTracking(String url) {
        assertThat(UrlNormalizer.key(url)).isEqualTo("example.com/a");
    }

    @Test
    void key_sortsTheRemainingParameters_andKeepsTheirValues() {
        assertThat(UrlNormalizer.key("https://example.com/s?q=rust&utm_campaign=z&b=2&a=1"))
                .isEqualTo("example.com/s?a=1&b=2&q=rust");
    }

    @Test
    void key_keepsNonDefaultPortsPathCaseAndReservedEscapes() {
        assertThat(UrlNormalizer.key("https://example.com:8443/Wiki/A%2fB")).isEqualTo("example.com:8443/Wiki/A%2FB");
    }

    @Test
    void key_treatsTheRootWithAndWithoutSlashAlike() {
        assertThat(UrlNormalizer.key("https://rust-lang.org"))
                .isEqualTo(UrlNormalizer.key("https://www.rust-lang.org/"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"javascript:alert(1)", "ftp://example.com/a", "/relative/path", "not a url at all", "https://"})
    void key_rejectsAnythingButAbsoluteHttpUrls(String url) {
        assertThat(UrlNormalizer.key(url)).isNull();
    }

    @Test
    void clean_removesTrackingParameters_butKeepsOrderAndFragment() {
        assertThat(UrlNormalizer.clean("https://Example.com/a?z=1&utm_source=x&a=2#top"))
                .isEqualTo("https://Example.com/a?z=1&a=2#top");
    }

    @Test
    void hostOfKey_isTheHostWithoutPort() {
        assertThat(UrlNormalizer.hostOfKey("docs.example.com:8080/a?b")).isEqualTo("docs.example.com");
        assertThat(UrlNormalizer.hostOfKey("example.com")).isEqualTo("example.com");
    }
}
