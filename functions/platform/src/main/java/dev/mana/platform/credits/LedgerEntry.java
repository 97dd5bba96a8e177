package dev.mana.platform.credits;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One movement of credits on an account, as {@link CreditLedger#ledger} lists them.
 *
 * @param id the movement's id: {@code chg_...}, {@code rfd_...} or {@code grt_...}
 * @param amount credits moved, signed: negative for a charge, positive for a grant or refund
 * @param chargeId for a refund, the charge it gives back; null otherwise
 */
public record LedgerEntry(String id, Type type, long amount, String reason, String chargeId, Instant createdAt) {

    /** What moved the credits. Holds (reserve, release, capture) join this list with jobs. */
    public enum Type {
        @JsonProperty("charge")
        CHARGE,
        @JsonProperty("refund")
        REFUND,
        @JsonProperty("grant")
        GRANT
    }
}
