package dev.mana.tts.kokoro;

import dev.mana.tts.engine.VoiceInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preset voices of a Kokoro model directory: the catalogue ({@code voices.tsv}: id, name,
 * language, gender, grade...) for those whose {@code <id>.bin} is in the voices folder. Packs are
 * read on first use and kept; a mix is computed on each use.
 */
public final class KokoroVoices {

    /** The first letter of a voice id is its language (hexgrad/kokoro's lang_code). */
    private static final Map<Character, String> LANGUAGES = Map.of(
            'a', "en-us", 'b', "en-gb", 'e', "es", 'f', "fr-fr", 'h', "hi", 'i', "it", 'j', "ja", 'p', "pt-br", 'z',
            "cmn");

    private final Path folder;
    private final List<VoiceInfo> presets;
    private final Map<String, VoicePack> packs = new ConcurrentHashMap<>();

    public KokoroVoices(Path catalogue, Path folder) {
        this.folder = folder;
        this.presets = read(catalogue).stream()
                .filter(voice -> Files.isRegularFile(file(voice.id())))
                .toList();
    }

    public List<VoiceInfo> presets() {
        return presets;
    }

    public boolean has(String id) {
        return presets.stream().anyMatch(voice -> voice.id().equals(id));
    }

    /** The style pack {@code spec} names (a preset or a mix of presets), or empty. */
    public Optional<VoicePack> pack(String spec) {
        var mix = VoiceMix.parse(spec);
        if (mix.isEmpty() || !mix.get().voices().stream().allMatch(this::has)) return Optional.empty();
        List<VoicePack> parts = mix.get().voices().stream()
                .map(id -> packs.computeIfAbsent(id, v -> VoicePack.read(file(v))))
                .toList();
        // Mixes are not kept: callers could spell endless weights, and a mix of five costs 0.6M adds.
        return Optional.of(
                mix.get().single()
                        ? parts.get(0)
                        : VoicePack.mix(parts, mix.get().weights()));
    }

    static String language(String voiceId) {
        return LANGUAGES.getOrDefault(voiceId.charAt(0), "en-us");
    }

    private Path file(String id) {
        return folder.resolve(id + ".bin");
    }

    private static List<VoiceInfo> read(Path catalogue) {
        try {
            var voices = new ArrayList<VoiceInfo>();
            List<String> lines = Files.readAllLines(catalogue);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t");
                if (columns.length < 4 || !columns[0].matches("[a-z]{2}_[a-z0-9]+")) continue;
                voices.add(new VoiceInfo(columns[0], columns[1], columns[2], columns[3], KokoroEngine.ID));
            }
            return voices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
