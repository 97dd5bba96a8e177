package dev.mana.platform.credits;

import java.util.List;

/**
 * One page of an account's ledger, newest first.
 *
 * @param nextCursor opaque; pass it back for the next (older) page; null on the last page
 */
public record LedgerPage(List<LedgerEntry> entries, String nextCursor) {
    public LedgerPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
