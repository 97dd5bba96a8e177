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
import java.util.regex.Pattern;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * The Lambda handler of every function: Spring Cloud Function's {@link FunctionInvoker}, with
 * one repair. When an API Gateway event's body is a JSON array, FunctionInvoker treats it as a
 * batch of inputs and answers nothing (Lambda then fails instead of the route answering 400).
 * Such a body is handed over base64-encoded, as API Gateway does for binary bodies, so it
 * reaches the route as the bytes the client sent.
 */
public class LambdaHandler extends FunctionInvoker {
    /** "body": "[ ... — with JSON whitespace or escaped whitespace before the bracket. */
    private static final Pattern ARRAY_BODY = Pattern.compile("\"body\"\\s*:\\s*\"(?:\\s|\\\\[nrt])*\\[");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        super.handleRequest(new ByteArrayInputStream(shieldArrayBody(input.readAllBytes())), output, context);
    }

    static byte[] shieldArrayBody(byte[] event) {
        // Only an event whose body string opens with '[' is parsed again: the hot path pays a scan.
        if (!ARRAY_BODY.matcher(new String(event, StandardCharsets.UTF_8)).find()) return event;
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
}
