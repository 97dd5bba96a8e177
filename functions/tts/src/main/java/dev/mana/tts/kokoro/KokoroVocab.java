package dev.mana.tts.kokoro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The model's symbol table: config.json's {@code vocab}, one IPA or punctuation character to one
 * token id (1 to 177; 0 is the pad put at both ends of the input).
 */
public final class KokoroVocab {

    public static final long PAD = 0;

    private final Map<Integer, Long> ids;

    private KokoroVocab(Map<Integer, Long> ids) {
        this.ids = Map.copyOf(ids);
    }

    public static KokoroVocab read(Path config) {
        try {
            JsonNode vocab = Json.mapper().readTree(config.toFile()).path("vocab");
            var ids = new HashMap<Integer, Long>();
            vocab.properties().forEach(entry -> {
                String symbol = entry.getKey();
                if (symbol.codePointCount(0, symbol.length()) != 1) {
                    throw new IllegalArgumentException("vocab symbol of more than one character: " + symbol);
                }
                ids.put(symbol.codePointAt(0), entry.getValue().asLong());
            });
            if (ids.isEmpty()) throw new IllegalArgumentException(config + " has no vocab");
            return new KokoroVocab(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(int codePoint) {
        return ids.containsKey(codePoint);
    }

    /** The ids of {@code phonemes}, symbols outside the vocabulary dropped (as kokoro-onnx does). */
    public long[] ids(String phonemes) {
        return phonemes.codePoints()
                .filter(ids::containsKey)
                .mapToLong(ids::get)
                .toArray();
    }
}
