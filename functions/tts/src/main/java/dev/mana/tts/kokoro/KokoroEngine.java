package dev.mana.tts.kokoro;

import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.TextChunks;
import dev.mana.tts.engine.TextNormalizer;
import dev.mana.tts.engine.VoiceInfo;
import dev.mana.tts.espeak.EspeakNg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Kokoro-82M: text normalized, cut into sentences, phonemized by espeak-ng, packed into chunks of
 * at most 510 tokens; each chunk runs through the model with the voice's style row for its length
 * and its audio is handed on before the next chunk starts.
 */
public final class KokoroEngine implements SpeechEngine, AutoCloseable {

    public static final String ID = "kokoro";
    public static final String DEFAULT_VOICE = "af_heart";

    private final KokoroModel model;
    private final KokoroVocab vocab;
    private final KokoroPhonemizer phonemizer;
    private final KokoroVoices voices;

    public KokoroEngine(KokoroModel model, KokoroVocab vocab, KokoroVoices voices, EspeakNg espeak) {
        this.model = model;
        this.vocab = vocab;
        this.voices = voices;
        this.phonemizer = new KokoroPhonemizer(espeak, vocab);
    }

    /** The engine of a model directory as its manifest describes it. */
    public static KokoroEngine load(Path directory, EspeakNg espeak, int threads) {
        var manifest = KokoroManifest.read(directory);
        return new KokoroEngine(
                new KokoroModel(directory.resolve(manifest.model()), threads),
                KokoroVocab.read(directory.resolve(manifest.config())),
                new KokoroVoices(directory.resolve(manifest.catalogue()), directory.resolve(manifest.voices())),
                espeak);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultVoice() {
        return voices.has(DEFAULT_VOICE)
                ? DEFAULT_VOICE
                : voices.presets().get(0).id();
    }

    @Override
    public List<VoiceInfo> voices() {
        return voices.presets();
    }

    @Override
    public boolean speaks(String voice) {
        return voices.pack(voice).isPresent();
    }

    @Override
    public void speak(String text, String voice, double speed, Consumer<float[]> chunks) {
        VoicePack pack = voices.pack(voice).orElseThrow(() -> new IllegalArgumentException("unknown voice " + voice));
        chunks(text, VoiceMix.parse(voice).orElseThrow().language(), chunk -> {
            long[] tokens = vocab.ids(chunk);
            chunks.accept(model.run(tokens, pack.style(tokens.length), (float) speed));
        });
    }

    /** The phoneme chunks {@code text} is spoken in. */
    public List<String> chunks(String text, String language) {
        var chunks = new ArrayList<String>();
        chunks(text, language, chunks::add);
        return chunks;
    }

    /** Each chunk as soon as it is full: sentences are phonemized one at a time. */
    private void chunks(String text, String language, Consumer<String> chunks) {
        var packer = new PhonemeChunks.Packer(KokoroModel.MAX_TOKENS, chunks);
        for (String sentence : TextChunks.sentences(TextNormalizer.normalize(text))) {
            String phonemes = phonemizer.phonemize(sentence, language);
            if (!phonemes.isBlank()) packer.add(phonemes);
        }
        packer.finish();
    }

    @Override
    public void close() throws Exception {
        model.close();
    }
}
