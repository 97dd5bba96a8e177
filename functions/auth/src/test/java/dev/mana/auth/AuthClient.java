package dev.mana.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The auth function under test, run by {@link LambdaHarness} as Lambda runs it, with request helpers. */
public final class AuthClient {
    public static final String PASSWORD = "correct horse battery staple";

    private final LambdaHarness harness;
    private final EmulatedStack stack;

    private AuthClient(LambdaHarness harness, EmulatedStack stack) {
        this.harness = harness;
        this.stack = stack;
    }

    public static AuthClient start(EmulatedStack stack) {
        return start(stack, Map.of());
    }

    /** With extra environment variables on top of the template's. */
    public static AuthClient start(EmulatedStack stack, Map<String, String> extra) {
        var environment = new LinkedHashMap<>(stack.environment("AuthFunction"));
        environment.putAll(extra);
        return new AuthClient(LambdaHarness.start(AuthApplication.class, environment), stack);
    }

    public EmulatedStack stack() {
        return stack;
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }

    public ProxyResponse post(String path, Map<String, ?> body) {
        return post(path, Json.write(body), "127.0.0.1");
    }

    public ProxyResponse post(String path, String json, String sourceIp) {
        return harness.call(ProxyEvent.request("POST", path).json(json).sourceIp(sourceIp));
    }

    public ProxyResponse get(String path) {
        return harness.call(ProxyEvent.request("GET", path));
    }

    public ProxyResponse register(String email, String password) {
        return post("/v1/auth/register", Map.of("email", email, "password", password));
    }

    public ProxyResponse login(String email, String password) {
        return login(email, password, "127.0.0.1");
    }

    public ProxyResponse login(String email, String password, String sourceIp) {
        return post("/v1/auth/login", Json.write(Map.of("email", email, "password", password)), sourceIp);
    }

    /** Registers and logs in; the token pair. */
    public JsonNode session(String email) {
        var registered = register(email, PASSWORD);
        if (registered.status() != 201) throw new AssertionError("register: " + registered.text());
        var login = login(email, PASSWORD);
        if (login.status() != 200) throw new AssertionError("login: " + login.text());
        return login.json();
    }

    /**
     * Verifies the account's email as its owner would: a token issued as registration issues
     * one (handed over here instead of by mail), redeemed through {@code POST /v1/auth/verify}.
     */
    public ProxyResponse verify(String accountId) {
        var verifications =
                new dev.mana.auth.account.EmailVerifications(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
        return post("/v1/auth/verify", Map.of("token", verifications.issue(accountId, java.time.Instant.now())));
    }

    public ProxyResponse refresh(String refreshToken) {
        return post("/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    public ProxyResponse validate(String token) {
        return post("/v1/auth/validate", Map.of("token", token));
    }

    /** Items in the accounts table: what a refused request must leave untouched. */
    public int accountTableItems() {
        return stack.clients()
                .dynamoDb()
                .scan(b -> b.tableName(stack.ref("AccountsTable")))
                .count();
    }

    /** A request body from src/test/resources/requests/. */
    public static String fixture(String name) {
        try (InputStream in = AuthClient.class.getResourceAsStream("/requests/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
