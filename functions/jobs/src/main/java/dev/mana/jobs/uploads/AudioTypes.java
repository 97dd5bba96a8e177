package dev.mana.jobs.uploads;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The audio an upload may hold: mp3, wav, m4a, flac, ogg, webm and mp4, by content type and by extension. */
final class AudioTypes {
    /** Content type (lower case, no parameters) to the extensions it may carry. */
    private static final Map<String, Set<String>> TYPES = Map.ofEntries(
            Map.entry("audio/mpeg", Set.of("mp3")),
            Map.entry("audio/mp3", Set.of("mp3")),
            Map.entry("audio/wav", Set.of("wav")),
            Map.entry("audio/x-wav", Set.of("wav")),
            Map.entry("audio/wave", Set.of("wav")),
            Map.entry("audio/vnd.wave", Set.of("wav")),
            Map.entry("audio/mp4", Set.of("m4a", "mp4")),
            Map.entry("audio/x-m4a", Set.of("m4a")),
            Map.entry("audio/m4a", Set.of("m4a")),
            Map.entry("audio/flac", Set.of("flac")),
            Map.entry("audio/x-flac", Set.of("flac")),
            Map.entry("audio/ogg", Set.of("ogg", "oga", "opus")),
            Map.entry("audio/opus", Set.of("ogg", "opus")),
            Map.entry("audio/webm", Set.of("webm")),
            Map.entry("video/webm", Set.of("webm")),
            Map.entry("video/mp4", Set.of("mp4", "m4a")));

    static final String NAMES = "mp3, wav, m4a, flac, ogg, webm or mp4";

    private AudioTypes() {}

    /** The bare, lower-case type of {@code contentType} if it is audio this API takes; null otherwise. */
    static String normalize(String contentType) {
        if (contentType == null) return null;
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
        return TYPES.containsKey(bare) ? bare : null;
    }

    /** Whether a file named with {@code extension} (lower case, no dot) may be of {@code type}. */
    static boolean matches(String type, String extension) {
        return TYPES.getOrDefault(type, Set.of()).contains(extension);
    }

    static String extension(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
