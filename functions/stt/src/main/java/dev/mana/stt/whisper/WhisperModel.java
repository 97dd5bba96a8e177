package dev.mana.stt.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mana.stt.onnx.Device;
import dev.mana.stt.onnx.OnnxSessions;
import dev.mana.stt.text.WhisperTokenizer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Whisper model exported to ONNX in the standard layout (Hugging Face Optimum and
 * onnx-community): {@code encoder_model.onnx}, {@code decoder_model.onnx} and, where exported,
 * {@code decoder_with_past_model.onnx} for the KV cache; {@code config.json} for the shapes. The
 * mel filter bank and the tokenizer's rank file come from the model directory when it carries
 * them, else from a shared assets directory. Sessions are thread-safe: windows may be decoded
 * in parallel.
 */
public final class WhisperModel implements AutoCloseable {

    public static final String ENCODER = "encoder_model.onnx";
    public static final String DECODER = "decoder_model.onnx";
    public static final String DECODER_WITH_PAST = "decoder_with_past_model.onnx";

    private final OrtEnvironment env = OnnxSessions.environment();
    private final WhisperConfig config;
    private final WhisperTokenizer tokenizer;
    private final LogMelSpectrogram mel;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final OrtSession decoderWithPast;

    private WhisperModel(
            WhisperConfig config,
            WhisperTokenizer tokenizer,
            LogMelSpectrogram mel,
            OrtSession encoder,
            OrtSession decoder,
            OrtSession decoderWithPast) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.mel = mel;
        this.encoder = encoder;
        this.decoder = decoder;
        this.decoderWithPast = decoderWithPast;
    }

    /**
     * Loads the model in {@code dir}. {@code assetDirs} are searched, after {@code dir}, for
     * {@code mel_filters.npz} and {@code multilingual.tiktoken}.
     */
    public static WhisperModel load(Path dir, List<Path> assetDirs, Device device, int intraOpThreads)
            throws OrtException {
        WhisperConfig config = WhisperConfig.read(dir);
        WhisperTokenizer tokenizer =
                WhisperTokenizer.load(asset(dir, assetDirs, WhisperTokenizer.FILE_NAME), config.vocabSize());
        LogMelSpectrogram mel = new LogMelSpectrogram(
                MelFilterBank.load(asset(dir, assetDirs, MelFilterBank.FILE_NAME), config.melBins()));
        OrtSession encoder = OnnxSessions.open(dir.resolve(ENCODER), device, intraOpThreads);
        OrtSession decoder = OnnxSessions.open(dir.resolve(DECODER), device, intraOpThreads);
        OrtSession withPast = Files.isRegularFile(dir.resolve(DECODER_WITH_PAST))
                ? OnnxSessions.open(dir.resolve(DECODER_WITH_PAST), device, intraOpThreads)
                : null;
        return new WhisperModel(config, tokenizer, mel, encoder, decoder, withPast);
    }

    private static Path asset(Path dir, List<Path> assetDirs, String name) {
        if (Files.isRegularFile(dir.resolve(name))) {
            return dir.resolve(name);
        }
        return assetDirs.stream()
                .map(d -> d.resolve(name))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException(name + " is neither in " + dir + " nor in any of " + assetDirs));
    }

    public WhisperConfig config() {
        return config;
    }

    public WhisperTokenizer tokenizer() {
        return tokenizer;
    }

    public LogMelSpectrogram mel() {
        return mel;
    }

    public boolean hasKvCache() {
        return decoderWithPast != null;
    }

    /** The encoder output for one window's features ({@code [bins][3000]}); the caller closes it. */
    public OnnxTensor encode(float[] features) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(features), new long[] {1, mel.bins(), LogMelSpectrogram.FRAMES});
                OrtSession.Result result = encoder.run(Map.of("input_features", input))) {
            OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
            // Copy out of the result, which owns (and frees) its outputs on close.
            return OnnxTensor.createTensor(
                    env, hidden.getFloatBuffer(), hidden.getInfo().getShape());
        }
    }

    /** A decoder over {@code hidden}: with the KV cache where the export has it. */
    TokenDecoder decoder(OnnxTensor hidden, boolean useCache) {
        return useCache && decoderWithPast != null
                ? new CachedDecoder(env, decoder, decoderWithPast, hidden, config.decoderLayers())
                : new FullSequenceDecoder(env, decoder, hidden);
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
        decoder.close();
        if (decoderWithPast != null) {
            decoderWithPast.close();
        }
    }
}
