package dev.mana.platform.audio;

import java.util.Locale;
import java.util.Optional;

/** The audio formats the API writes, with the names OpenAI's {@code response_format} uses. */
public enum AudioFormat {
    MP3("mp3", "audio/mpeg"),
    OPUS("opus", "audio/ogg"),
    AAC("aac", "audio/aac"),
    FLAC("flac", "audio/flac"),
    WAV("wav", "audio/wav"),
    /** Raw signed 16-bit little-endian mono samples, no header (OpenAI's {@code pcm}). */
    PCM("pcm", "audio/pcm");

    private final String id;
    private final String contentType;

    AudioFormat(String id, String contentType) {
        this.id = id;
        this.contentType = contentType;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<AudioFormat> fromId(String id) {
        if (id == null) return Optional.empty();
        var wanted = id.toLowerCase(Locale.ROOT);
        for (var format : values()) if (format.id.equals(wanted)) return Optional.of(format);
        return Optional.empty();
    }
}
