package dev.mana.stt.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whisper's byte-level BPE tokenizer over a {@code .tiktoken} rank file, with the special tokens
 * Whisper appends after the ranks: end of text, start of transcript, one per language, translate,
 * transcribe, start of LM, start of previous, no speech, no timestamps, then 1,501 timestamps
 * ({@code <|0.00|>} to {@code <|30.00|>} by 0.02 s). How many languages there are follows from the
 * model's vocabulary size.
 */
public final class WhisperTokenizer {

    public static final String FILE_NAME = "multilingual.tiktoken";
    private static final int TIMESTAMPS = 1501;
    private static final Pattern PIECES =
            Pattern.compile("'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private final byte[][] tokenBytes;
    /** Rank by token bytes, the bytes held one per char (ISO-8859-1) so a String is the key. */
    private final Map<String, Integer> ranks;

    private final int languageCount;

    private WhisperTokenizer(byte[][] tokenBytes, Map<String, Integer> ranks, int vocabSize) {
        this.tokenBytes = tokenBytes;
        this.ranks = ranks;
        this.languageCount = vocabSize - tokenBytes.length - 2 - 6 - TIMESTAMPS;
        if (languageCount < 1 || languageCount > WhisperLanguages.CODES.size()) {
            throw new IllegalArgumentException("vocabulary size " + vocabSize
                    + " does not fit a Whisper tokenizer with " + tokenBytes.length + " ranks");
        }
    }

    /** Loads a tiktoken rank file for a model with {@code vocabSize} tokens (51,865 or 51,866). */
    public static WhisperTokenizer load(Path tiktoken, int vocabSize) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tiktoken, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tiktoken, e);
        }
        byte[][] bytes = new byte[lines.size()][];
        Map<String, Integer> ranks = new HashMap<>(lines.size() * 2);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String encoded = line.substring(0, space);
            // Rank 50256 of multilingual.tiktoken is "=": an empty placeholder token.
            byte[] token =
                    encoded.equals("=") ? new byte[0] : Base64.getDecoder().decode(encoded);
            int rank = Integer.parseInt(line.substring(space + 1).strip());
            bytes[rank] = token;
            ranks.put(new String(token, StandardCharsets.ISO_8859_1), rank);
        }
        return new WhisperTokenizer(bytes, ranks, vocabSize);
    }

    public int endOfText() {
        return tokenBytes.length;
    }

    public int startOfTranscript() {
        return tokenBytes.length + 1;
    }

    public int languageCount() {
        return languageCount;
    }

    public int translate() {
        return startOfTranscript() + 1 + languageCount;
    }

    public int transcribe() {
        return translate() + 1;
    }

    public int startOfPrevious() {
        return translate() + 3;
    }

    public int noSpeech() {
        return translate() + 4;
    }

    public int noTimestamps() {
        return translate() + 5;
    }

    /** {@code <|0.00|>}; timestamp token {@code timestampBegin() + i} is {@code i * 0.02} s. */
    public int timestampBegin() {
        return translate() + 6;
    }

    public int vocabSize() {
        return timestampBegin() + TIMESTAMPS;
    }

    public boolean isTimestamp(int id) {
        return id >= timestampBegin() && id < vocabSize();
    }

    public double timestampSeconds(int id) {
        return (id - timestampBegin()) * 0.02;
    }

    /** The token of a language given by code or English name, if this model knows it. */
    public Optional<Integer> languageToken(String codeOrName) {
        return WhisperLanguages.indexOf(codeOrName)
                .filter(i -> i < languageCount)
                .map(i -> startOfTranscript() + 1 + i);
    }

    public boolean isLanguage(int id) {
        return id > startOfTranscript() && id < translate();
    }

    /** The ISO code of a language token. */
    public String languageCode(int id) {
        if (!isLanguage(id)) {
            throw new IllegalArgumentException(id + " is not a language token");
        }
        return WhisperLanguages.CODES.get(id - startOfTranscript() - 1);
    }

    /** The text of the ordinary tokens among {@code ids}, special and timestamp tokens left out. */
    public String decode(List<Integer> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id >= 0 && id < tokenBytes.length) {
                bytes.writeBytes(tokenBytes[id]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** BPE ids of {@code text} (ordinary tokens only), e.g. for a prompt after {@code <|startofprev|>}. */
    public List<Integer> encode(String text) {
        List<Integer> ids = new ArrayList<>();
        Matcher pieces = PIECES.matcher(text);
        while (pieces.find()) {
            byte[] piece = pieces.group().getBytes(StandardCharsets.UTF_8);
            ids.addAll(mergePiece(new String(piece, StandardCharsets.ISO_8859_1)));
        }
        return ids;
    }

    /** Byte-pair merges of one piece: repeatedly join the adjacent pair with the lowest rank. */
    private List<Integer> mergePiece(String piece) {
        Integer whole = ranks.get(piece);
        if (whole != null) {
            return List.of(whole);
        }
        List<String> parts = new ArrayList<>(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            parts.add(piece.substring(i, i + 1));
        }
        while (parts.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i < parts.size() - 1; i++) {
                Integer rank = ranks.get(parts.get(i) + parts.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            parts.set(best, parts.get(best) + parts.remove(best + 1));
        }
        List<Integer> ids = new ArrayList<>(parts.size());
        for (String part : parts) {
            ids.add(ranks.get(part));
        }
        return ids;
    }
}
