package dev.mana.auth.usage;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.keys.ApiKeyStore;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.platform.usage.UsagePoint;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /v1/usage?from=&to=&keyId=}: the caller's calls and credits per UTC day, key and
 * service, from {@code from} to {@code to} inclusive (YYYY-MM-DD; default the last 30 days, at
 * most 366 days). {@code keyId} narrows it to one of the caller's keys ({@code jwt} for calls
 * made with an access token); another account's key id is 404.
 */
public final class UsageRoute {
    public record Totals(long calls, long credits) {}

    public record Response(LocalDate from, LocalDate to, String keyId, List<UsagePoint> series, Totals totals) {}

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final UsageMeter usage;
    private final ApiKeyStore keys;
    private final Clock clock;

    public UsageRoute(UsageMeter usage, ApiKeyStore keys, Clock clock) {
        this.usage = usage;
        this.keys = keys;
        this.clock = clock;
    }

    public Route route() {
        return Route.get("/v1/usage", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = request.query("to").map(v -> date(v, "to")).orElse(today);
        LocalDate from = request.query("from").map(v -> date(v, "from")).orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw invalid("from", "'from' must be on or before 'to'.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw invalid("from", "The range from 'from' to 'to' may span at most " + MAX_DAYS + " days.");
        }
        String keyId = request.query("keyId").orElse(null);
        if (keyId != null && !keyId.equals(UsageMeter.JWT_KEY) && !ownsKey(account, keyId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "This account has no key with this id.")
                    .with("parameter", "keyId");
        }
        var series = usage.series(account, from, to, keyId);
        var totals = new Totals(
                series.stream().mapToLong(UsagePoint::calls).sum(),
                series.stream().mapToLong(UsagePoint::credits).sum());
        return ApiResponse.ok(new Response(from, to, keyId, series, totals));
    }

    private boolean ownsKey(String account, String keyId) {
        return keys.list(account).stream().anyMatch(k -> k.keyId().equals(keyId));
    }

    private static LocalDate date(String value, String parameter) {
        try {
            if (value.length() == 10) return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw invalid(parameter, "'" + parameter + "' must be a date as YYYY-MM-DD, e.g. 2026-11-27.");
    }

    private static ApiException invalid(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message).with("parameter", parameter);
    }
}
