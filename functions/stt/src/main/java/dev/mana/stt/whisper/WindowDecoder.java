package dev.mana.stt.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.mana.stt.text.WhisperTokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * Decodes one window of at most 30 s as Whisper's {@code DecodingTask} and
 * {@code decode_with_fallback} do: language detection when none is given, a greedy pass at
 * temperature 0, and sampling at rising temperatures while the result is repetitive or unlikely;
 * when no temperature passes, the likeliest non-repetitive attempt.
 */
public final class WindowDecoder {

    private final WhisperModel model;
    private final WhisperTokenizer tokenizer;
    private final LogitFilters filters;

    public WindowDecoder(WhisperModel model) {
        this.model = model;
        this.tokenizer = model.tokenizer();
        this.filters = new LogitFilters(tokenizer);
    }

    /** Decodes {@code audio[offset, offset + length)} (16 kHz mono, at most 30 s). */
    public WindowResult decode(float[] audio, int offset, int length, DecodeOptions options) throws OrtException {
        float[] features = model.mel().compute(audio, offset, length);
        try (OnnxTensor hidden = model.encode(features)) {
            String language = options.language()
                    .map(l -> tokenizer.languageCode(tokenizer
                            .languageToken(l)
                            .orElseThrow(() -> new IllegalArgumentException("unsupported language: " + l))))
                    .orElseGet(() -> detectLanguage(hidden, options.useCache()));
            WindowResult result = null;
            WindowResult best = null;
            for (double temperature : options.temperatures()) {
                result = decodeOnce(hidden, language, options, temperature);
                best = better(best, result, options);
                boolean silent = result.noSpeechProb() > options.noSpeechThreshold()
                        && result.avgLogprob() < options.logprobThreshold();
                if (silent) {
                    return new WindowResult(
                            List.of(),
                            "",
                            language,
                            result.avgLogprob(),
                            result.compressionRatio(),
                            result.noSpeechProb(),
                            temperature,
                            true);
                }
                boolean needsFallback = result.compressionRatio() > options.compressionRatioThreshold()
                        || result.avgLogprob() < options.logprobThreshold();
                if (!needsFallback) {
                    return result;
                }
            }
            // Every temperature failed the thresholds: keep the likeliest attempt (as faster-whisper
            // does), not the last, which sampling at 1.0 makes the noisiest.
            return best;
        }
    }

    /** Of two attempts, the one not repetitive and then the likelier. */
    static WindowResult better(WindowResult a, WindowResult b, DecodeOptions options) {
        if (a == null) {
            return b;
        }
        boolean aRepeats = a.compressionRatio() > options.compressionRatioThreshold();
        boolean bRepeats = b.compressionRatio() > options.compressionRatioThreshold();
        if (aRepeats != bRepeats) {
            return aRepeats ? b : a;
        }
        return b.avgLogprob() > a.avgLogprob() ? b : a;
    }

    /** The likeliest language token after {@code <|startoftranscript|>}. */
    private String detectLanguage(OnnxTensor hidden, boolean useCache) {
        try (TokenDecoder decoder = model.decoder(hidden, useCache)) {
            float[] logits =
                    decoder.start(new long[] {tokenizer.startOfTranscript()}, 0).last();
            int best = -1;
            for (int id = tokenizer.startOfTranscript() + 1; id < tokenizer.translate(); id++) {
                if (best < 0 || logits[id] > logits[best]) {
                    best = id;
                }
            }
            return tokenizer.languageCode(best);
        } catch (OrtException e) {
            throw new IllegalStateException("language detection failed", e);
        }
    }

    private WindowResult decodeOnce(OnnxTensor hidden, String language, DecodeOptions options, double temperature)
            throws OrtException {
        List<Long> prompt = new ArrayList<>();
        if (!options.prompt().isBlank()) {
            List<Integer> previous = tokenizer.encode(" " + options.prompt().strip());
            int keep = Math.min(previous.size(), model.config().maxTargetPositions() / 2 - 1);
            prompt.add((long) tokenizer.startOfPrevious());
            previous.subList(previous.size() - keep, previous.size()).forEach(id -> prompt.add((long) id));
        }
        int sotIndex = prompt.size();
        prompt.add((long) tokenizer.startOfTranscript());
        prompt.add((long) (int) tokenizer.languageToken(language).orElseThrow());
        prompt.add((long) (options.translate() ? tokenizer.translate() : tokenizer.transcribe()));
        if (!options.timestamps()) {
            prompt.add((long) tokenizer.noTimestamps());
        }
        long[] ids = prompt.stream().mapToLong(Long::longValue).toArray();
        int budget = Math.min(model.config().sampleLength(), model.config().maxTargetPositions() - ids.length);
        SplittableRandom random = new SplittableRandom(42);
        List<Integer> sampled = new ArrayList<>();
        double sumLogprob = 0;
        double noSpeechProb;
        try (TokenDecoder decoder = model.decoder(hidden, options.useCache())) {
            TokenDecoder.PromptLogits first = decoder.start(ids, sotIndex);
            noSpeechProb = Math.exp(Sampling.logSoftmax(first.atMark())[tokenizer.noSpeech()]);
            float[] logits = first.last();
            for (int step = 0; step < budget; step++) {
                filters.apply(logits, sampled, options.timestamps());
                int token = temperature > 0 ? Sampling.sample(logits, temperature, random) : Sampling.argmax(logits);
                sumLogprob += Sampling.logSoftmax(logits)[token];
                if (token == tokenizer.endOfText()) {
                    break;
                }
                sampled.add(token);
                if (step + 1 < budget) {
                    logits = decoder.next(token);
                }
            }
        }
        String text = tokenizer.decode(sampled);
        return new WindowResult(
                List.copyOf(sampled),
                text,
                language,
                sumLogprob / (sampled.size() + 1),
                compressionRatio(text),
                noSpeechProb,
                temperature,
                false);
    }

    /** Whisper's repetition measure: UTF-8 length over zlib-compressed length. */
    static double compressionRatio(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return 0;
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return bytes.length / (double) out.size();
    }
}
