package dev.mana.tts.kokoro;

import dev.mana.tts.espeak.EspeakNg;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sentence as the IPA phonemes Kokoro was trained on: espeak-ng's IPA with stress marks, the
 * punctuation kept where it was (espeak-ng drops it, so the text is cut at each mark, the pieces
 * phonemized and the marks put back, as phonemizer's {@code preserve_punctuation} does), then
 * kokoro-onnx's fixes and only the symbols the vocabulary has.
 */
public final class KokoroPhonemizer {

    /** The punctuation Kokoro's vocabulary speaks (pauses and intonation). */
    static final String PUNCTUATION = ";:,.!?—…\"()“”";

    private static final Pattern HUNDRED = Pattern.compile("(?<=[a-zɹː])(?=hˈʌndɹɪd)");
    private static final Pattern LONE_Z = Pattern.compile(" z(?=[;:,.!?¡¿—…\"«»“” ]|$)");
    private static final Pattern NINETY = Pattern.compile("(?<=nˈaɪn)ti(?!ː)");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private record Piece(String text, String marks) {}

    private final EspeakNg espeak;
    private final KokoroVocab vocab;

    public KokoroPhonemizer(EspeakNg espeak, KokoroVocab vocab) {
        this.espeak = espeak;
        this.vocab = vocab;
    }

    /**
     * The phonemes of {@code text} in the espeak-ng voice {@code language} (en-us, en-gb, fr-fr...):
     * each piece's IPA followed by its marks, with the spaces the text had around them.
     */
    public String phonemize(String text, String language) {
        List<Piece> pieces = pieces(text);
        List<String> spoken =
                ipa(pieces.stream().map(Piece::text).filter(t -> !t.isBlank()).toList(), language);
        var out = new StringBuilder();
        int next = 0;
        for (Piece piece : pieces) {
            if (!piece.text().isBlank()) out.append(spoken.get(next++));
            out.append(piece.marks());
        }
        return fix(out.toString(), language);
    }

    /** One line of IPA per piece: one espeak-ng run, pieces apart by blank lines (which end a clause). */
    private List<String> ipa(List<String> texts, String language) {
        if (texts.isEmpty()) return List.of();
        List<String> lines = espeak.ipa(String.join("\n\n", texts), language)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (lines.size() == texts.size()) return lines;
        // espeak-ng cut a piece into clauses of its own: one run a piece keeps them apart.
        var each = new ArrayList<String>();
        for (String text : texts) each.add(espeak.ipa(text, language).strip().replaceAll("\\s+", " "));
        return each;
    }

    /** Text between marks, and the marks with the whitespace around them as single spaces. */
    private static List<Piece> pieces(String text) {
        var pieces = new ArrayList<Piece>();
        var words = new StringBuilder();
        var marks = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PUNCTUATION.indexOf(c) >= 0) {
                if (marks.isEmpty() && !words.isEmpty() && Character.isWhitespace(words.charAt(words.length() - 1))) {
                    marks.append(' ');
                }
                marks.append(c);
            } else if (Character.isWhitespace(c)) {
                if (marks.isEmpty()) words.append(c);
                else if (marks.charAt(marks.length() - 1) != ' ') marks.append(' ');
            } else {
                if (!marks.isEmpty()) {
                    pieces.add(new Piece(words.toString(), marks.toString()));
                    words.setLength(0);
                    marks.setLength(0);
                }
                words.append(c);
            }
        }
        pieces.add(new Piece(words.toString(), marks.toString()));
        return pieces;
    }

    private String fix(String phonemes, String language) {
        String fixed = phonemes.replace("kəkˈoːɹoʊ", "kˈoʊkəɹoʊ")
                .replace("kəkˈɔːɹəʊ", "kˈəʊkəɹəʊ")
                .replace("ʲ", "j")
                .replace("r", "ɹ")
                .replace("x", "k")
                .replace("ɬ", "l");
        fixed = HUNDRED.matcher(fixed).replaceAll(" ");
        fixed = LONE_Z.matcher(fixed).replaceAll("z");
        if (language.equals("en-us")) fixed = NINETY.matcher(fixed).replaceAll("di");
        var kept = new StringBuilder();
        fixed.codePoints().filter(vocab::has).forEach(kept::appendCodePoint);
        return SPACES.matcher(kept.toString()).replaceAll(" ").strip();
    }
}
