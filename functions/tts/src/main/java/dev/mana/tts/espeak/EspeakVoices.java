package dev.mana.tts.espeak;

import dev.mana.tts.engine.VoiceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The voices {@code espeak-ng --voices} lists: its columns are priority, language (the name
 * {@code -v} takes), age/gender, voice name, file and other languages. The language is the id; a
 * language listed twice keeps its first voice.
 */
public final class EspeakVoices {

    private EspeakVoices() {}

    public static List<VoiceInfo> parse(String listing) {
        var voices = new LinkedHashMap<String, VoiceInfo>();
        for (String line : listing.lines().skip(1).toList()) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length < 5) continue;
            String language = columns[1];
            String gender = columns[2].endsWith("/F") ? "Female" : columns[2].endsWith("/M") ? "Male" : null;
            String name = columns[3].replace('_', ' ');
            voices.putIfAbsent(language, new VoiceInfo(language, name, language, gender, EspeakEngine.ID));
        }
        return new ArrayList<>(voices.values());
    }
}
