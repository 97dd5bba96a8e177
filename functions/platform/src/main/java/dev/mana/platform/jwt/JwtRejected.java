package dev.mana.platform.jwt;

/** Why a token was refused. The reason is safe to show the caller; it names no key material. */
public final class JwtRejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** Stable reasons, rendered in lower-case as {@code reason} by the validate route. */
    public enum Reason {
        MALFORMED,
        UNSUPPORTED_ALGORITHM,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        MISSING_CLAIM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public JwtRejected(Reason reason, String detail) {
        super(detail, null, false, false); // no stack trace: rejection is an ordinary outcome
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
