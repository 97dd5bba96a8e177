package dev.mana.auth.token;

import dev.mana.auth.Ids;
import dev.mana.platform.jwt.KmsJwtSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

/** Issues access tokens: ES256 JWTs of 15 minutes naming the account and its tier. */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final KmsJwtSigner signer;
    private final String issuer;
    private final String audience;

    public AccessTokens(KmsJwtSigner signer, String issuer, String audience) {
        this.signer = signer;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issue(String accountId, String tier, Instant now) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", accountId);
        claims.put("tier", tier);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        claims.put("jti", Ids.random("jti"));
        return signer.sign(claims);
    }
}
