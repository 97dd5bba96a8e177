package dev.mana.stt.service;

import dev.mana.stt.models.ModelManifest;

/** Credits for audio: the model's price per started minute, at least one minute. */
public final class SttPricing {

    public static final String SERVICE = "stt";

    private SttPricing() {}

    public static long credits(double durationSeconds, ModelManifest model) {
        long minutes = Math.max(1, (long) Math.ceil(durationSeconds / 60.0 - 1e-9));
        return minutes * model.pricePerMinute();
    }
}
