package dev.mana.auth.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input on the keys, credits and usage routes: a 4xx problem naming the field or parameter,
 * never a 5xx, and nothing written to the keys, credits or usage tables, nor API Gateway.
 */
@ExtendWith(AwsEmulatorExtension.class)
class CreditsKeysUsageBadInputTest {
    static final String ACCOUNT = "acct_bad";
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "/v1/keys | {} | 422 | missing_field | name",
                "/v1/keys | {\"name\":null} | 422 | missing_field | name",
                "/v1/keys | {\"name\":\"  \"} | 422 | invalid_field | name",
                "/v1/keys | {\"name\":7} | 400 | invalid_type | name",
                "/v1/keys | {\"name\":\"k\",\"admin\":true} | 400 | unknown_field | admin",
                "/v1/keys | {\"name\":\"k\",\"expiresAt\":\"tomorrow\"} | 422 | invalid_field | expiresAt",
                "/v1/keys | {\"name\":\"k\",\"expiresAt\":\"2001-01-01T00:00:00Z\"} | 422 | invalid_field | expiresAt",
                "/v1/keys | {\"name\":\"k\",\"expiresAt\":\"2999-01-01T00:00:00Z\"} | 422 | invalid_field | expiresAt",
                "/v1/keys | {\"name\" | 400 | malformed_json | -",
                "/v1/credits/use | {} | 422 | missing_field | amount",
                "/v1/credits/use | {\"amount\":1} | 422 | missing_field | reason",
                "/v1/credits/use | {\"amount\":\"1\",\"reason\":\"r\"} | 400 | invalid_type | amount",
                "/v1/credits/use | {\"amount\":1.5,\"reason\":\"r\"} | 400 | invalid_type | amount",
                "/v1/credits/use | {\"amount\":0,\"reason\":\"r\"} | 422 | invalid_field | amount",
                "/v1/credits/use | {\"amount\":-5,\"reason\":\"r\"} | 422 | invalid_field | amount",
                "/v1/credits/use | {\"amount\":1000000001,\"reason\":\"r\"} | 422 | invalid_field | amount",
                "/v1/credits/use | {\"amount\":1,\"reason\":\"\"} | 422 | invalid_field | reason",
                "/v1/credits/use | {\"amount\":1,\"reason\":[]} | 400 | invalid_type | reason",
                "/v1/credits/use | {\"amount\":1,\"reason\":\"r\",\"account\":\"acct_x\"} | 400 | unknown_field | account",
            })
    void badBody_answersProblemNamingTheField_andWritesNothing(
            String path, String body, int status, String code, String field) {
        var response = auth.call(Callers.as(ACCOUNT, "POST", path.strip()).json(body.strip()));

        assertProblem(response, status, code);
        if (field != null) assertThat(response.json().path("field").asText()).isEqualTo(field.strip());
        assertNothingWritten();
    }

    @ParameterizedTest(name = "{0} {1}={2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/usage | from | 2026-02-30 | from",
                "/v1/usage | from | 26-01-01 | from",
                "/v1/usage | to | 2026-1-1 | to",
                "/v1/usage | to | yesterday | to",
                "/v1/credits/ledger | cursor | bm90LWEtY3Vyc29y | cursor",
                "/v1/credits/ledger | limit | 0 | limit",
                "/v1/credits/ledger | limit | 101 | limit",
                "/v1/credits/ledger | limit | ten | limit",
            })
    void badQuery_answers400NamingTheParameter(String path, String name, String value, String parameter) {
        var response = auth.call(Callers.as(ACCOUNT, "GET", path.strip()).query(name.strip(), value.strip()));

        assertProblem(response, 400, "invalid_parameter");
        assertThat(response.json().path("parameter").asText()).isEqualTo(parameter.strip());
    }

    @Test
    void usageRange_fromAfterTo_orOver366Days_answers400() {
        var reversed = auth.call(Callers.as(ACCOUNT, "GET", "/v1/usage")
                .query("from", "2026-11-02")
                .query("to", "2026-11-01"));
        assertProblem(reversed, 400, "invalid_parameter");
        var tooLong = auth.call(Callers.as(ACCOUNT, "GET", "/v1/usage")
                .query("from", "2025-01-01")
                .query("to", "2026-01-02"));
        assertProblem(tooLong, 400, "invalid_parameter");
        var year = auth.call(Callers.as(ACCOUNT, "GET", "/v1/usage")
                .query("from", "2024-01-01")
                .query("to", "2024-12-31"));
        assertThat(year.status()).isEqualTo(200);
    }

    @Test
    void everyRoute_withoutACaller_answers401() {
        for (var event : new ProxyEvent[] {
            ProxyEvent.request("GET", "/v1/keys"),
            ProxyEvent.request("POST", "/v1/keys").json("{\"name\":\"k\"}"),
            ProxyEvent.request("DELETE", "/v1/keys/key_x").resource("/v1/keys/{id}", java.util.Map.of("id", "key_x")),
            ProxyEvent.request("GET", "/v1/credits/balance"),
            ProxyEvent.request("POST", "/v1/credits/use").json("{\"amount\":1,\"reason\":\"r\"}"),
            ProxyEvent.request("GET", "/v1/credits/ledger"),
            ProxyEvent.request("GET", "/v1/usage"),
        }) {
            assertProblem(auth.call(event), 401, "unauthenticated");
        }
        assertNothingWritten();
    }

    @Test
    void badIdempotencyKey_answers400NamingTheHeader() {
        var response = auth.call(Callers.as(ACCOUNT, "POST", "/v1/credits/use")
                .header("Idempotency-Key", "has spaces in it")
                .json("{\"amount\":1,\"reason\":\"r\"}"));

        assertProblem(response, 400, "invalid_parameter");
        assertThat(response.json().path("parameter").asText()).isEqualTo("Idempotency-Key");
    }

    private static void assertProblem(ProxyResponse response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        assertThat(response.json().path("requestId").asText()).isNotBlank();
    }

    private static void assertNothingWritten() {
        var dynamo = stack.clients().dynamoDb();
        for (String table : new String[] {"KeysTable", "CreditsTable", "UsageTable"}) {
            assertThat(dynamo.scan(b -> b.tableName(stack.ref(table))).count())
                    .as(table)
                    .isZero();
        }
        assertThat(Callers.gatewayKeysOn(stack, "FreeUsagePlan")).isEmpty();
    }
}
