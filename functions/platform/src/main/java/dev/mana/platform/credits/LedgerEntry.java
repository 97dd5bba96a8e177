package dev.mana.platform.credits;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One movement of credits on an account, as {@link CreditLedger#ledger} lists them.
 *
 * @param id the movement's id: {@code chg_...}, {@code rfd_...}, {@code grt_...}, {@code hld_...} or
 *     {@code rls_...}
 * @param amount credits moved, signed: negative for a charge or hold, positive for a grant, refund or
 *     release
 * @param chargeId for a refund, the charge it gives back; for a release, the hold it ends (its
 *     {@code hld_...} id); null otherwise
 */
public record LedgerEntry(String id, Type type, long amount, String reason, String chargeId, Instant createdAt) {

    /**
     * What moved the credits. A hold takes credits out of the spendable balance for a job; its
     * end (capture or release) gives them all back as a release and, on capture, charges what the
     * job actually cost as an ordinary charge (so it can be refunded like any other).
     */
    public enum Type {
        @JsonProperty("charge")
        CHARGE,
        @JsonProperty("refund")
        REFUND,
        @JsonProperty("grant")
        GRANT,
        @JsonProperty("hold")
        HOLD,
        @JsonProperty("release")
        RELEASE
    }
}
