package dev.mana.stt.service;

import java.util.Arrays;
import java.util.Optional;

/** OpenAI's {@code response_format} values, plus the seed's own JSON. */
public enum ResponseFormat {
    JSON("json"),
    TEXT("text"),
    SRT("srt"),
    VTT("vtt"),
    VERBOSE_JSON("verbose_json"),
    /** The seed routes' JSON: text, language, duration, model and segments. */
    MANA("mana");

    private final String id;

    ResponseFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ResponseFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
