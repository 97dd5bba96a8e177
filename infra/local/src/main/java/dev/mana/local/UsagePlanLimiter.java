package dev.mana.local;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * Applies a usage plan to each key as API Gateway does: a token bucket (rate per second,
 * burst) and a daily quota that resets at 00:00 UTC. Past either, the request is a 429.
 */
final class UsagePlanLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt = System.nanoTime();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        long used;

        Bucket(double burst) {
            tokens = burst;
        }
    }

    void admit(String keyId, UsagePlan plan) {
        double rate =
                plan.throttle() == null ? Double.MAX_VALUE : plan.throttle().rateLimit();
        double burst =
                plan.throttle() == null ? Double.MAX_VALUE : plan.throttle().burstLimit();
        Bucket bucket = buckets.computeIfAbsent(keyId + "/" + plan.id(), k -> new Bucket(burst));
        synchronized (bucket) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (!today.equals(bucket.day)) {
                bucket.day = today;
                bucket.used = 0;
            }
            if (plan.quota() != null && bucket.used >= plan.quota().limit()) {
                throw new ApiException(
                        ErrorCode.QUOTA_EXCEEDED, "The daily quota of your tier is used up; it resets at 00:00 UTC.");
            }
            long now = System.nanoTime();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * rate);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                throw new ApiException(
                                ErrorCode.RATE_LIMITED,
                                "The rate limit of your tier is exceeded; retry after a second.")
                        .withHeader("Retry-After", "1");
            }
            bucket.tokens -= 1;
            bucket.used++;
        }
    }
}
