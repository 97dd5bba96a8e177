package dev.mana.extract.api;

import static dev.mana.extract.api.ExtractRouteErrorTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.LoopbackSite;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard at the route, with MANA_FETCH_ALLOW_CIDRS empty as in production: private and
 * loopback addresses are refused (422 naming url) and never reached. The fetcher's own tests in
 * platform cover every range and spelling; these prove the route is wired to it.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractRouteSecurityTest {

    static ExtractFunction extract;
    static LoopbackSite site;
    static String account;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        extract = new ExtractFunction(stack, "");
        account = extract.account(100);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLoopbackPage_isRefused_andNeverRequested() {
        String url = site.page("/internal", "article.html");

        var response = extract.extract(account, Bodies.extract(url));

        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("field").asText()).isEqualTo("url");
        assertThat(response.json().path("reason").asText()).isEqualTo("blocked_address");
        assertThat(site.hits("/internal")).isZero();
        assertThat(extract.balance(account)).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://0x7f.0.0.1/",
                "http://2130706433/",
                "http://[::ffff:10.0.0.1]/",
                "http://localhost/"
            })
    void privateAddressesInAnySpelling_areRefused(String url) {
        var response = extract.extract(account, Bodies.extract(url));

        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("reason").asText()).isEqualTo("blocked_address");
    }

    @Test
    void inBulk_aPrivateAddressIsItsOwnProblem() {
        var response = extract.bulk(account, Bodies.bulk(List.of("http://169.254.169.254/", "http://10.0.0.1/admin")));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("results").get(1).path("field").asText())
                .isEqualTo("urls[1]");
        assertThat(response.json().path("failed").asInt()).isEqualTo(2);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("0");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("100");
    }
}
