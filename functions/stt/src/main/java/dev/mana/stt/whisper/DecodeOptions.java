package dev.mana.stt.whisper;

import java.util.List;
import java.util.Optional;

/**
 * How to decode a window, with Whisper's defaults: temperatures 0, 0.2 ... 1.0 tried in turn
 * while the text looks repetitive (gzip compression ratio above 2.4) or unlikely (average log
 * probability below -1); a window whose no-speech probability is above 0.6 and whose text is
 * unlikely counts as silence.
 *
 * @param language ISO code or English name; empty to detect it
 * @param translate translate to English instead of transcribing
 * @param timestamps predict timestamp tokens (the model must have been trained with them)
 * @param prompt text that conditions the decoder (OpenAI's {@code prompt}), may be empty
 */
public record DecodeOptions(
        Optional<String> language,
        boolean translate,
        boolean timestamps,
        String prompt,
        List<Double> temperatures,
        double compressionRatioThreshold,
        double logprobThreshold,
        double noSpeechThreshold,
        boolean useCache) {

    public static final List<Double> FALLBACK_TEMPERATURES = List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);

    public static DecodeOptions defaults() {
        return new DecodeOptions(Optional.empty(), false, false, "", FALLBACK_TEMPERATURES, 2.4, -1.0, 0.6, true);
    }

    public DecodeOptions withLanguage(Optional<String> value) {
        return new DecodeOptions(
                value,
                translate,
                timestamps,
                prompt,
                temperatures,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                useCache);
    }

    public DecodeOptions withTranslate(boolean value) {
        return new DecodeOptions(
                language,
                value,
                timestamps,
                prompt,
                temperatures,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                useCache);
    }

    public DecodeOptions withTimestamps(boolean value) {
        return new DecodeOptions(
                language,
                translate,
                value,
                prompt,
                temperatures,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                useCache);
    }

    public DecodeOptions withPrompt(String value) {
        return new DecodeOptions(
                language,
                translate,
                timestamps,
                value,
                temperatures,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                useCache);
    }

    /** Starts at {@code first} (OpenAI's {@code temperature}) and falls back upward from there. */
    public DecodeOptions withStartTemperature(double first) {
        List<Double> from = first <= 0
                ? FALLBACK_TEMPERATURES
                : FALLBACK_TEMPERATURES.stream().filter(t -> t >= first).toList();
        List<Double> value = from.isEmpty() || from.get(0) != first
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(first), from.stream())
                        .toList()
                : from;
        return new DecodeOptions(
                language,
                translate,
                timestamps,
                prompt,
                value,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                useCache);
    }

    public DecodeOptions withCache(boolean value) {
        return new DecodeOptions(
                language,
                translate,
                timestamps,
                prompt,
                temperatures,
                compressionRatioThreshold,
                logprobThreshold,
                noSpeechThreshold,
                value);
    }
}
