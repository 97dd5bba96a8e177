package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.account.AccountStore;
import dev.mana.auth.account.EmailAddress;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Passwords, tokens and hashes never reach the log: every flow runs, then the lines are searched. */
@ExtendWith(AwsEmulatorExtension.class)
class LogSecrecyTest {
    static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        auth = AuthClient.start(stack);
    }

    @AfterAll
    static void restore() {
        Log.redirect(System.out);
    }

    @Test
    void noPasswordTokenOrHash_appearsInAnyLogLine() throws Exception {
        String password = "Tr0ub4dor&3-but-longer";
        var secrets = new ArrayList<String>(List.of(password, "wrong-" + password));
        auth.register("secret@example.com", password);
        auth.register("weak@example.com", "qwerty123456");
        auth.login("secret@example.com", "wrong-" + password);
        var pair = auth.login("secret@example.com", password).json();
        String access = pair.path("accessToken").asText();
        String refresh = pair.path("refreshToken").asText();
        String rotated = auth.refresh(refresh).json().path("refreshToken").asText();
        auth.refresh(refresh); // within grace: a sibling
        auth.validate(access);
        auth.validate(access.substring(0, access.length() - 4) + "AAAA");
        auth.post("/v1/auth/logout", Map.of("refreshToken", rotated));
        auth.refresh(rotated);
        String storedHash = new AccountStore(stack.clients().dynamoDb(), stack.ref("AccountsTable"))
                .findByEmail(EmailAddress.parse("secret@example.com"))
                .orElseThrow()
                .passwordHash();
        secrets.addAll(List.of("qwerty123456", access, refresh, rotated, storedHash, sha256(refresh), sha256(rotated)));
        // The signature and salt alone are secrets too: no fragment of them may leak.
        secrets.add(access.substring(access.lastIndexOf('.') + 1));
        secrets.add(storedHash.substring(storedHash.lastIndexOf('$') + 1));

        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("\"message\":\"request\"").contains("/v1/auth/login");
        for (String secret : secrets) assertThat(log).doesNotContain(secret);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
