package dev.mana.auth.credits;

import dev.mana.auth.account.AccountStore;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The scheduled monthly grant (EventBridge {@code cron(0 0 1 * ? *)}): every account gets its
 * tier's monthly credits for the month of the event's {@code time}, once per account and month.
 * Safe to re-run or retry (EventBridge retries a failed run): accounts already granted are
 * skipped by the ledger's idempotency. A run with failures fails, so it is retried.
 */
public final class MonthlyGrantFunction implements Function<Map<String, Object>, MonthlyGrantFunction.Report> {
    /** What a run did. */
    public record Report(String month, long accounts, long granted, long alreadyGranted, long failed) {}

    private final AccountStore accounts;
    private final MonthlyGrants grants;
    private final Clock clock;

    public MonthlyGrantFunction(AccountStore accounts, MonthlyGrants grants, Clock clock) {
        this.accounts = accounts;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Report apply(Map<String, Object> event) {
        YearMonth month = month(event);
        var seen = new AtomicLong();
        var granted = new AtomicLong();
        var already = new AtomicLong();
        var failed = new AtomicLong();
        try (var all = accounts.accountTiers()) {
            // An unverified email gets no credits: one person, one free allowance.
            all.filter(AccountStore.AccountTier::verified).forEach(account -> {
                seen.incrementAndGet();
                try {
                    if (grants.grant(account.accountId(), account.tier(), month).granted()) granted.incrementAndGet();
                    else already.incrementAndGet();
                } catch (ApiException e) {
                    if (e.errorCode() == ErrorCode.IDEMPOTENCY_KEY_REUSED) {
                        already.incrementAndGet(); // granted this month under another tier
                    } else {
                        failed.incrementAndGet();
                        Log.error("monthly grant failed", e, "accountId", account.accountId());
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    Log.error("monthly grant failed", e, "accountId", account.accountId());
                }
            });
        }
        var report = new Report(month.toString(), seen.get(), granted.get(), already.get(), failed.get());
        Log.info(
                "monthly grant done",
                "month",
                report.month(),
                "accounts",
                report.accounts(),
                "granted",
                report.granted(),
                "alreadyGranted",
                report.alreadyGranted(),
                "failed",
                report.failed());
        if (report.failed() > 0) {
            throw new IllegalStateException(report.failed() + " accounts were not granted; the retry skips the rest");
        }
        return report;
    }

    /** The month of the scheduled time (so a late retry still grants that month), else now. */
    private YearMonth month(Map<String, Object> event) {
        Object time = event == null ? null : event.get("time");
        Instant at = clock.instant();
        if (time instanceof String text) {
            try {
                at = Instant.parse(text);
            } catch (DateTimeParseException e) {
                Log.warn("monthly grant: unreadable event time, using now", "time", text);
            }
        }
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }
}
