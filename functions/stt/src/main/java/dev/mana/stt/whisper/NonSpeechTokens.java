package dev.mana.stt.whisper;

import dev.mana.stt.text.WhisperTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whisper's default suppressed tokens ({@code suppress_tokens="-1"}): symbols that are not
 * speech (as whisper/tokenizer.py lists them), plus the special tokens that must never be sampled.
 */
final class NonSpeechTokens {

    private static final String SYMBOLS = "\"#()*+/:;<=>@[\\]^_`{|}~「」『』";
    private static final List<String> SEQUENCES = List.of(
            "<<", ">>", "<<<", ">>>", "--", "---", "-(", "-[", "('", "(\"", "((", "))", "(((", ")))", "[[", "]]", "{{",
            "}}", "♪♪", "♪♪♪");
    private static final String MISCELLANEOUS = "♩♪♫♬♭♮♯";

    private NonSpeechTokens() {}

    static int[] of(WhisperTokenizer tokenizer) {
        List<String> symbols = new ArrayList<>();
        SYMBOLS.codePoints().forEach(c -> symbols.add(Character.toString(c)));
        symbols.addAll(SEQUENCES);
        MISCELLANEOUS.codePoints().forEach(c -> symbols.add(Character.toString(c)));
        Set<Integer> ids = new TreeSet<>();
        ids.add(tokenizer.encode(" -").get(0));
        ids.add(tokenizer.encode(" '").get(0));
        for (String symbol : symbols) {
            boolean miscellaneous = MISCELLANEOUS.contains(symbol);
            for (List<Integer> tokens : List.of(tokenizer.encode(symbol), tokenizer.encode(" " + symbol))) {
                if (tokens.size() == 1 || miscellaneous) {
                    ids.add(tokens.get(0));
                }
            }
        }
        ids.add(tokenizer.transcribe());
        ids.add(tokenizer.translate());
        ids.add(tokenizer.startOfTranscript());
        ids.add(tokenizer.startOfPrevious());
        ids.add(tokenizer.startOfPrevious() - 1); // <|startoflm|>
        ids.add(tokenizer.noSpeech());
        for (int language = tokenizer.startOfTranscript() + 1; language < tokenizer.translate(); language++) {
            ids.add(language);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
