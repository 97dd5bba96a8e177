package dev.mana.tts.voices;

import java.time.Instant;

/**
 * A voice an account made from its own recording, for cloning on the GPU worker: the reference
 * audio (in S3 at {@code audioKey}), what is said in it, and the consent statement given with it
 * (kept with when and from where, as evidence).
 */
public record CustomVoice(
        String id,
        String name,
        String transcript,
        String consent,
        String consentIp,
        String audioKey,
        String audioContentType,
        double seconds,
        Instant createdAt) {}
