package dev.mana.platform.jobs;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link JobStore#create} makes a job of.
 *
 * @param estimatedCredits held at creation (0: no hold); the job is charged at most this
 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
 * @param fingerprint what makes two requests under one key "the same" (e.g. a hash of the
 *     body); null: the kind, input and estimate
 */
public record NewJob(
        String accountId,
        String kind,
        Map<String, Object> input,
        long estimatedCredits,
        Job.Webhook webhook,
        String idempotencyKey,
        String fingerprint) {

    public NewJob {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        input = input == null ? Map.of() : Map.copyOf(input);
        if (estimatedCredits < 0) throw new IllegalArgumentException("estimatedCredits must not be negative");
    }

    public static NewJob of(String accountId, String kind, Map<String, Object> input, long estimatedCredits) {
        return new NewJob(accountId, kind, input, estimatedCredits, null, null, null);
    }

    public NewJob withIdempotencyKey(String key) {
        return new NewJob(accountId, kind, input, estimatedCredits, webhook, key, fingerprint);
    }

    public NewJob withWebhook(Job.Webhook hook) {
        return new NewJob(accountId, kind, input, estimatedCredits, hook, idempotencyKey, fingerprint);
    }
}
