package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.audio.AudioFormat;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import java.util.Locale;

/**
 * One synthesis a request asked for, checked: the engine, one of its voices, the text within
 * the route's limit, a speed OpenAI would accept and an output format FFmpeg writes. Every
 * check happens before anything is synthesized or charged.
 */
public record SpeechOrder(SpeechEngine engine, String voice, String text, double speed, AudioFormat format) {

    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4.0;

    /** The field names of the route that asked, so a problem names what the caller sent. */
    public record Fields(String model, String text, String voice, String speed, String format) {}

    public static SpeechOrder check(
            SpeechEngines engines,
            Fields fields,
            String model,
            String text,
            String voice,
            Double speed,
            String format,
            int maxChars) {
        if (text == null) {
            throw ApiException.field(
                    ErrorCode.MISSING_FIELD, fields.text(), "The field '" + fields.text() + "' is required.");
        }
        if (text.isBlank()) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD, fields.text(), "The field '" + fields.text() + "' has no text to speak.");
        }
        int characters = characters(text);
        if (characters > maxChars) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            fields.text(),
                            "The text is " + characters + " characters; this route speaks at most " + maxChars + ".")
                    .with("maxCharacters", maxChars);
        }
        SpeechEngine engine = engines.require(model, fields.model());
        String chosen = VoiceNames.resolve(engine, voice, fields.voice());
        double pace = speed == null ? 1.0 : speed;
        if (!(pace >= MIN_SPEED && pace <= MAX_SPEED)) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    fields.speed(),
                    "The field '" + fields.speed() + "' must be from " + MIN_SPEED + " to " + MAX_SPEED + ".");
        }
        return new SpeechOrder(engine, chosen, text, pace, format(format, fields.format()));
    }

    /** Characters as a person counts them (code points), which is also what is billed. */
    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public int characters() {
        return characters(text);
    }

    private static AudioFormat format(String id, String field) {
        if (id == null) return AudioFormat.MP3;
        return AudioFormat.fromId(id.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.INVALID_FIELD,
                        field,
                        "Unsupported format '" + id + "'; use mp3, opus, aac, flac, wav or pcm."));
    }
}
