package dev.mana.auth;

import dev.mana.auth.password.PasswordPolicy;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;

/** Checks on request fields the JSON mapper cannot make: present, not null, not too long, well-formed. */
public final class Fields {
    private Fields() {}

    /** The field's text; 422 naming it when it is missing, null, longer than {@code max} or broken Unicode. */
    public static String text(String value, String field, int max) {
        if (value == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, field, "The field '" + field + "' is required.");
        }
        if (value.length() > max) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            field,
                            "The field '" + field + "' must be at most " + max + " characters.")
                    .with("maxLength", max);
        }
        if (!PasswordPolicy.isWellFormed(value)) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    field,
                    "The field '" + field + "' contains control characters or broken Unicode.");
        }
        return value;
    }
}
