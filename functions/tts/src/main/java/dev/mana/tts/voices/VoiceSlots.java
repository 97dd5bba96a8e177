package dev.mana.tts.voices;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Custom voice slots per tier, from {@code MANA_TTS_VOICE_SLOTS} ("free=1,pro=5,enterprise=25",
 * set in template.yaml beside the other tier numbers); a tier not named gets none.
 */
public final class VoiceSlots {

    public static final String VARIABLE = "MANA_TTS_VOICE_SLOTS";
    public static final String DEFAULT = "free=1,pro=5,enterprise=25";

    private final Map<String, Integer> byTier;

    private VoiceSlots(Map<String, Integer> byTier) {
        this.byTier = Map.copyOf(byTier);
    }

    public static VoiceSlots parse(String spec) {
        var byTier = new HashMap<String, Integer>();
        for (String entry : spec.split(",")) {
            String[] pair = entry.strip().split("=");
            if (pair.length != 2) throw new IllegalArgumentException(VARIABLE + ": bad entry '" + entry + "'");
            byTier.put(pair[0].strip().toLowerCase(Locale.ROOT), Integer.parseInt(pair[1].strip()));
        }
        return new VoiceSlots(byTier);
    }

    public int of(String tier) {
        return tier == null ? 0 : byTier.getOrDefault(tier.toLowerCase(Locale.ROOT), 0);
    }
}
