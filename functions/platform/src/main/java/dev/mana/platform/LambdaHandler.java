package dev.mana.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The Lambda handler of every function: Spring Cloud Function's {@link FunctionInvoker}, with
 * one repair. When an API Gateway event's body is a JSON array, FunctionInvoker treats it as a
 * batch of inputs and answers nothing (Lambda then fails instead of the route answering 400).
 * Such a body is handed over base64-encoded, as API Gateway does for binary bodies, so it
 * reaches the route as the bytes the client sent.
 */
public class LambdaHandler extends FunctionInvoker {
    private static final byte[] BODY_FIELD = "\"body\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        super.handleRequest(new ByteArrayInputStream(shieldArrayBody(input.readAllBytes())), output, context);
    }

    static byte[] shieldArrayBody(byte[] event) {
        // Only an event whose body string opens with '[' is parsed again: the hot path pays a scan.
        if (!mayHaveArrayBody(event)) return event;
        try {
            JsonNode node = Json.mapper().readTree(event);
            JsonNode body = node.path("body");
            if (!(node instanceof ObjectNode object)
                    || !body.isTextual()
                    || !body.asText().strip().startsWith("[")) {
                return event;
            }
            if (object.path("isBase64Encoded").asBoolean(false)) return event;
            object.put("body", Base64.getEncoder().encodeToString(body.asText().getBytes(StandardCharsets.UTF_8)));
            object.put("isBase64Encoded", true);
            return Json.mapper().writeValueAsBytes(object);
        } catch (IOException e) {
            return event; // not JSON we can read: FunctionInvoker reports it as it would
        }
    }

    /**
     * Whether some {@code "body": "} string opens with '[' after whitespace (raw or escaped as
     * \\n, \\r, \\t). A plain loop, linear in the event: a regular expression with an
     * alternation under a star recursed once per whitespace character and overflowed the stack
     * on a body led by a few thousand spaces.
     */
    static boolean mayHaveArrayBody(byte[] event) {
        for (int at = indexOf(event, BODY_FIELD, 0); at >= 0; at = indexOf(event, BODY_FIELD, at + 1)) {
            int i = skipSpaces(event, at + BODY_FIELD.length);
            if (i >= event.length || event[i] != ':') continue;
            i = skipSpaces(event, i + 1);
            if (i >= event.length || event[i] != '"') continue;
            i++;
            while (i < event.length) {
                if (isSpace(event[i])) {
                    i++;
                } else if (event[i] == '\\' && i + 1 < event.length && "nrt".indexOf(event[i + 1]) >= 0) {
                    i += 2;
                } else {
                    break;
                }
            }
            if (i < event.length && event[i] == '[') return true;
        }
        return false;
    }

    private static int skipSpaces(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && isSpace(bytes[i])) i++;
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
