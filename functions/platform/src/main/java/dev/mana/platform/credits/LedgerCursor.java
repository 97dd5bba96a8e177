package dev.mana.platform.credits;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque ledger cursor: base64url of the last entry's sort key. The partition comes from
 * the caller's account, never from the cursor, so a cursor cannot reach another account; a
 * cursor that does not decode to a ledger sort key is refused.
 */
final class LedgerCursor {
    private static final Pattern SORT_KEY =
            Pattern.compile("ledger#\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#" + LedgerIds.ID.pattern());

    private LedgerCursor() {}

    static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key to start after; null for the first page. */
    static String decode(String cursor) {
        if (cursor == null) return null;
        String sortKey;
        try {
            sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!SORT_KEY.matcher(sortKey).matches()) throw invalid();
        return sortKey;
    }

    private static ApiException invalid() {
        return new ApiException(
                        ErrorCode.INVALID_PARAMETER,
                        "The cursor is not valid; pass back the nextCursor of a previous page, unchanged.")
                .with("parameter", "cursor");
    }
}
