package dev.mana.platform.jobs;

/**
 * What {@link JobStore#create} did.
 *
 * @param replayed true when the {@code Idempotency-Key} was used before: {@code job} is the first
 *     request's job and nothing new was held
 */
public record Created(Job job, boolean replayed) {}
