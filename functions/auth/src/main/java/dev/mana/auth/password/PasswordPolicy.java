package dev.mana.auth.password;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * What a new password must be (NIST SP 800-63B): 12 to 128 characters, any Unicode but
 * control characters, not on the common-password list, not the email address. Passwords are
 * NFKC-normalised before hashing, so the same password typed on two keyboards matches.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    public static PasswordPolicy withBundledList() {
        return new PasswordPolicy(CommonPasswords.load(MIN_LENGTH));
    }

    /** The normalised form every hash and verification uses. */
    public static String normalise(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Refuses a password for a new account, naming the field; returns the normalised password. */
    public String check(String password, String email) {
        if (!isWellFormed(password)) {
            throw invalid("The password contains control characters or broken Unicode; use printable characters.");
        }
        String normal = normalise(password);
        int length = normal.codePointCount(0, normal.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw invalid("The password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long; it is "
                    + length + ".");
        }
        if (common.contains(normal) || normal.codePoints().distinct().count() < 3) {
            throw invalid("This password is too common or too simple; choose another.");
        }
        if (normal.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
            throw invalid("The password must not contain the email address.");
        }
        return normal;
    }

    /** No lone surrogates (they cannot be encoded) and no control characters. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid(String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, "password", message);
    }
}
