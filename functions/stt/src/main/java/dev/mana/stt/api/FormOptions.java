package dev.mana.stt.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.stt.service.ResponseFormat;
import dev.mana.stt.service.SttOptions;
import dev.mana.stt.text.WhisperLanguages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options fields of a transcription request (form or JSON), checked: a bad one is a 422 naming it. */
final class FormOptions {

    static final int MAX_PROMPT_CHARS = 2000;

    private FormOptions() {}

    static SttOptions check(
            String model,
            Optional<String> language,
            boolean translate,
            Optional<String> prompt,
            Optional<String> temperature,
            Optional<String> responseFormat,
            ResponseFormat defaultFormat,
            List<String> granularities,
            String formatField) {
        Optional<String> lang = language.map(FormOptions::language);
        String promptText = prompt.orElse("");
        if (promptText.length() > MAX_PROMPT_CHARS) {
            throw invalid("prompt", "prompt is at most " + MAX_PROMPT_CHARS + " characters.");
        }
        double temp = temperature.map(FormOptions::temperature).orElse(0.0);
        ResponseFormat format = responseFormat
                .map(f -> ResponseFormat.fromId(f)
                        .filter(r -> r != ResponseFormat.MANA)
                        .orElseThrow(() -> invalid(formatField, "Use json, text, srt, vtt or verbose_json.")))
                .orElse(defaultFormat);
        List<String> grains = new ArrayList<>();
        for (String g : granularities) {
            if (!g.equals("word") && !g.equals("segment")) {
                throw invalid("timestamp_granularities[]", "Use segment and/or word.");
            }
            grains.add(g);
        }
        if (grains.isEmpty()) {
            grains.add("segment");
        }
        return new SttOptions(model, lang, translate, promptText, temp, format, List.copyOf(grains));
    }

    private static String language(String value) {
        return WhisperLanguages.indexOf(value)
                .map(WhisperLanguages.CODES::get)
                .orElseThrow(() ->
                        invalid("language", "Unknown language '" + value + "'; use an ISO-639-1 code such as en."));
    }

    private static double temperature(String value) {
        try {
            double t = Double.parseDouble(value);
            if (t >= 0 && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("temperature", "temperature is a number from 0 to 1.");
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message);
    }
}
