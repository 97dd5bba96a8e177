package dev.mana.auth.credits;

import dev.mana.auth.tier.Tiers;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.credits.Grant;
import dev.mana.platform.credits.LedgerSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A tier's monthly credits for one account and month, granted at most once: the ledger grant's
 * idempotency key is {@code grant:YYYY-MM}, remembered for 400 days (the ledger's default 7
 * days would let a re-run later in the month grant again). Registration grants the Free tier's
 * credits for the month of registration with the same key, so the scheduled grant on the 1st
 * and a registration that same day never both pay.
 */
public final class MonthlyGrants {
    /** How long a month's grant key is remembered: longer than any re-run would come. */
    static final Duration KEY_WINDOW = Duration.ofDays(400);

    /** What one grant did: {@code granted} false when the month had been granted before. */
    public record Outcome(Grant grant, boolean granted) {}

    private final CreditLedger ledger;
    private final Tiers tiers;

    public MonthlyGrants(CreditLedger ledger, Tiers tiers) {
        this.ledger = ledger;
        this.tiers = tiers;
    }

    /** A ledger whose grant keys outlive a month. */
    public static CreditLedger ledger(DynamoDbClient dynamo, String table) {
        var d = LedgerSettings.DEFAULTS;
        return new CreditLedger(
                dynamo,
                table,
                new LedgerSettings(KEY_WINDOW, d.maxAttempts(), d.backoffBase(), d.backoffMax(), d.clock()));
    }

    /** The ledger these grants go through (its grant keys live 400 days); top-ups use it too. */
    public CreditLedger ledger() {
        return ledger;
    }

    public static String key(YearMonth month) {
        return "grant:" + month;
    }

    public Outcome grant(String accountId, String tierName, YearMonth month) {
        var tier = tiers.of(tierName);
        Instant started = Instant.now();
        Grant grant = ledger.grant(
                accountId, tier.monthlyCredits(), "Monthly credits " + month + " (" + tier.name() + ")", key(month));
        return new Outcome(grant, !grant.createdAt().isBefore(started.minusMillis(1)));
    }
}
