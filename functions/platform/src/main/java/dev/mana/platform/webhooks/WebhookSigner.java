package dev.mana.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature}, a space-separated list of {@code v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>}, one per secret ({@code whsec_<base64 key>}); several secrets sign during a
 * rotation, and a receiver accepts any one that verifies.
 */
public final class WebhookSigner {
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSigner() {}

    /** The three headers of one delivery, signed with every secret given (current first). */
    public static Map<String, String> headers(String messageId, Instant timestamp, String body, List<String> secrets) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one secret");
        String seconds = Long.toString(timestamp.getEpochSecond());
        var signatures = new ArrayList<String>();
        for (String secret : secrets) signatures.add("v1," + sign(secret, messageId, seconds, body));
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", seconds);
        headers.put("webhook-signature", String.join(" ", signatures));
        return headers;
    }

    /** Whether one of the header's signatures is the secret's over this message (constant-time). */
    public static boolean verify(String secret, String messageId, String timestamp, String body, String header) {
        byte[] expected = sign(secret, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String part : header.split(" ")) {
            if (!part.startsWith("v1,")) continue;
            ok |= MessageDigest.isEqual(expected, part.substring(3).getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    static String sign(String secret, String messageId, String timestamp, String body) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A new random secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
