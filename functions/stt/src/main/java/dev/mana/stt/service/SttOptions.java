package dev.mana.stt.service;

import dev.mana.stt.models.ModelManifest;
import dev.mana.stt.whisper.DecodeOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a request asks of a transcription, whichever route it came by; also what a job carries
 * to the worker.
 *
 * @param granularities OpenAI's {@code timestamp_granularities[]}: segment and/or word
 */
public record SttOptions(
        String model,
        Optional<String> language,
        boolean translate,
        String prompt,
        double temperature,
        ResponseFormat responseFormat,
        List<String> granularities) {

    /** A model that speaks one language needs no detection (a wrong guess would cost the text). */
    public DecodeOptions decodeOptions(ModelManifest model) {
        Optional<String> lang = language.isEmpty() && model.languages().size() == 1
                ? Optional.of(model.languages().get(0))
                : language;
        return DecodeOptions.defaults()
                .withLanguage(lang)
                .withTranslate(translate)
                .withPrompt(prompt)
                .withStartTemperature(temperature)
                .withTimestamps(model.timestamps());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", model);
        language.ifPresent(l -> map.put("language", l));
        map.put("task", translate ? "translate" : "transcribe");
        if (!prompt.isEmpty()) {
            map.put("prompt", prompt);
        }
        map.put("temperature", temperature);
        map.put("responseFormat", responseFormat.id());
        map.put("granularities", granularities);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static SttOptions fromMap(Map<String, Object> map) {
        return new SttOptions(
                (String) map.get("model"),
                Optional.ofNullable((String) map.get("language")),
                "translate".equals(map.get("task")),
                (String) map.getOrDefault("prompt", ""),
                ((Number) map.getOrDefault("temperature", 0.0)).doubleValue(),
                ResponseFormat.fromId((String) map.getOrDefault("responseFormat", "json"))
                        .orElse(ResponseFormat.JSON),
                (List<String>) map.getOrDefault("granularities", List.of("segment")));
    }
}
