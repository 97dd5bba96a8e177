package dev.mana.tts.kokoro;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A voice request: one preset ("af_heart") or a weighted mix ("af_bella(2)+af_sky(1)", weights
 * default to 1), the form Kokoro-FastAPI and kokoro.js accept.
 */
public record VoiceMix(List<String> voices, List<Double> weights) {

    /** Mixes of more voices sound no better and cost a file read each. */
    public static final int MAX_VOICES = 5;

    private static final Pattern PART = Pattern.compile("([a-z]{2}_[a-z0-9]+)(?:\\((\\d{1,3}(?:\\.\\d{1,3})?)\\))?");

    public VoiceMix {
        voices = List.copyOf(voices);
        weights = List.copyOf(weights);
    }

    /** The mix {@code spec} names, or empty when it is not one. */
    public static Optional<VoiceMix> parse(String spec) {
        if (spec == null || spec.isBlank()) return Optional.empty();
        var voices = new ArrayList<String>();
        var weights = new ArrayList<Double>();
        for (String part : spec.split("\\+", -1)) {
            var m = PART.matcher(part.strip());
            if (!m.matches()) return Optional.empty();
            double weight = m.group(2) == null ? 1.0 : Double.parseDouble(m.group(2));
            if (weight <= 0) return Optional.empty();
            voices.add(m.group(1));
            weights.add(weight);
        }
        if (voices.size() > MAX_VOICES) return Optional.empty();
        return Optional.of(new VoiceMix(voices, weights));
    }

    public boolean single() {
        return voices.size() == 1;
    }

    /** The language of the mix: its first voice's, from the voice id's first letter. */
    public String language() {
        return KokoroVoices.language(voices.get(0));
    }
}
