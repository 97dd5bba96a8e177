package dev.mana.stt.whisper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The fields of a Hugging Face {@code config.json} (WhisperConfig) that the runtime reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WhisperConfig(
        @JsonProperty("d_model") int dModel,
        @JsonProperty("decoder_layers") int decoderLayers,
        @JsonProperty("decoder_attention_heads") int decoderHeads,
        @JsonProperty("num_mel_bins") int melBins,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("max_target_positions") int maxTargetPositions,
        @JsonProperty("decoder_start_token_id") int decoderStartTokenId,
        @JsonProperty("eos_token_id") int eosTokenId) {

    public static final String FILE_NAME = "config.json";

    public static WhisperConfig read(Path modelDir) {
        try {
            WhisperConfig config =
                    new ObjectMapper().readValue(modelDir.resolve(FILE_NAME).toFile(), WhisperConfig.class);
            if (config.melBins != 80 && config.melBins != 128) {
                throw new IllegalArgumentException("num_mel_bins must be 80 or 128, not " + config.melBins);
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelDir.resolve(FILE_NAME), e);
        }
    }

    /** Whisper samples at most half the text context per 30-second window. */
    public int sampleLength() {
        return maxTargetPositions / 2;
    }
}
