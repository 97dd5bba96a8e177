package dev.mana.auth.token;

/** What login and refresh answer. {@code expiresIn} is the access token's lifetime in seconds. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    public static TokenPair bearer(String accessToken, String refreshToken) {
        return new TokenPair(accessToken, refreshToken, "Bearer", AccessTokens.LIFETIME.toSeconds());
    }
}
