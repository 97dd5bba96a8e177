package dev.mana.auth.token;

import dev.mana.auth.Fields;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.jwt.JwtRejected;
import dev.mana.platform.jwt.JwtVerifier;
import java.util.Map;

/** {@code POST /v1/auth/validate}: whether an access token is valid, with its claims or the reason. */
public final class ValidateRoute {
    public record Request(String token) {}

    public record Valid(boolean valid, Map<String, Object> claims) {}

    public record Invalid(boolean valid, String reason) {}

    private final JwtVerifier verifier;

    public ValidateRoute(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    public Route route() {
        return Route.post("/v1/auth/validate", this::handle).maxBodyBytes(16 * 1024);
    }

    private ApiResponse handle(ApiRequest request) {
        String token = Fields.text(request.json(Request.class).token(), "token", JwtVerifier.MAX_TOKEN_CHARS);
        Object answer;
        try {
            answer = new Valid(true, verifier.verify(token));
        } catch (JwtRejected e) {
            answer = new Invalid(false, e.reason().code());
        }
        return ApiResponse.ok(answer).withHeader("Cache-Control", "no-store");
    }
}
