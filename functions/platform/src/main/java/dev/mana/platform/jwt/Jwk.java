package dev.mana.platform.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One P-256 public key as a JSON Web Key. Its {@code kid} is the RFC 7638 thumbprint, so a
 * key's id follows from the key itself: no registry of ids to keep, and a token naming a kid
 * can only ever match the one key that has it.
 */
public record Jwk(String kid, ECPublicKey key) {
    public static final String ALGORITHM = "ES256";
    private static final int COORDINATE_BYTES = 32;

    /** From a DER SubjectPublicKeyInfo, as KMS's GetPublicKey returns it. */
    public static Jwk fromDer(byte[] subjectPublicKeyInfo) {
        try {
            var key = (ECPublicKey)
                    KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            return of(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC public key", e);
        }
    }

    public static Jwk of(ECPublicKey key) {
        if (key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("only P-256 keys sign ES256");
        }
        return new Jwk(thumbprint(key), key);
    }

    /** From a JWK's members ({@code kty}, {@code crv}, {@code x}, {@code y}), as a JWKS carries them. */
    public static Jwk fromJson(Map<String, ?> members) {
        if (!"EC".equals(members.get("kty")) || !"P-256".equals(members.get("crv"))) {
            throw new IllegalArgumentException("only EC P-256 keys are supported");
        }
        byte[] x = Base64Url.decode(String.valueOf(members.get("x")));
        byte[] y = Base64Url.decode(String.valueOf(members.get("y")));
        if (x == null || y == null || x.length != COORDINATE_BYTES || y.length != COORDINATE_BYTES) {
            throw new IllegalArgumentException("bad EC coordinates");
        }
        try {
            var parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            var curve = parameters.getParameterSpec(ECParameterSpec.class);
            var point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            // The JDK's KeyFactory does not check this: a point off the curve invites invalid-curve attacks.
            if (!onCurve(point, curve)) throw new IllegalArgumentException("the point is not on P-256");
            var spec = new ECPublicKeySpec(point, curve);
            Jwk jwk = of((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec));
            Object kid = members.get("kid");
            if (kid != null && !jwk.kid().equals(kid)) throw new IllegalArgumentException("kid is not the thumbprint");
            return jwk;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad EC key", e);
        }
    }

    private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
        BigInteger p = ((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) return false;
        BigInteger right = x.pow(3)
                .add(spec.getCurve().getA().multiply(x))
                .add(spec.getCurve().getB())
                .mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    /** The public members of this key for a JWKS. */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("kty", "EC");
        json.put("crv", "P-256");
        json.put("x", coordinate(key.getW().getAffineX()));
        json.put("y", coordinate(key.getW().getAffineY()));
        json.put("kid", kid);
        json.put("alg", ALGORITHM);
        json.put("use", "sig");
        return json;
    }

    /** RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace. */
    private static String thumbprint(ECPublicKey key) {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
                + coordinate(key.getW().getAffineX()) + "\",\"y\":\""
                + coordinate(key.getW().getAffineY()) + "\"}";
        try {
            return Base64Url.encode(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int copy = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - copy, fixed, COORDINATE_BYTES - copy, copy);
        return Base64Url.encode(fixed);
    }
}
