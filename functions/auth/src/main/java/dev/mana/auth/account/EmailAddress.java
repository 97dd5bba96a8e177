package dev.mana.auth.account;

import dev.mana.auth.password.PasswordPolicy;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An account's email: {@code address} as the person wrote it (trimmed, NFC, domain in
 * lower-case ASCII) and {@code key}, the whole address in lower case, which makes it unique.
 * The local part is case-sensitive by RFC 5321, but two accounts differing only in case are
 * a phishing gift, and no mail provider people use treats them apart.
 */
public record EmailAddress(String address, String key) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public static EmailAddress parse(String raw) {
        String stripped = raw.strip();
        if (!PasswordPolicy.isWellFormed(stripped)) throw invalid("The email contains control characters.");
        String trimmed = Normalizer.normalize(stripped, Normalizer.Form.NFC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) throw invalid("Enter an email address like name@example.com.");
        String local = trimmed.substring(0, at);
        String domain = asciiDomain(trimmed.substring(at + 1));
        if (local.length() > 64 || local.codePoints().anyMatch(c -> Character.isWhitespace(c) || c == '@')) {
            throw invalid("The part before @ must be at most 64 characters, without spaces or @.");
        }
        String address = local + "@" + domain;
        if (address.length() > MAX_LENGTH) throw invalid("The email must be at most " + MAX_LENGTH + " characters.");
        return new EmailAddress(address, address.toLowerCase(Locale.ROOT));
    }

    private static String asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("The domain of the email is not a valid domain name.");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) throw invalid("The domain of the email needs a dot.");
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) throw invalid("The domain of the email is not a valid domain name.");
        }
        return ascii;
    }

    private static ApiException invalid(String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, "email", message);
    }
}
