package dev.mana.platform.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against the real FFmpeg on PATH (.ci/run installs it from Debian). */
class AudioCodecsTest {
    private static final int RATE = 24_000;
    private final AudioCodecs codecs = AudioCodecs.fromEnvironment();

    @TempDir
    Path dir;

    /** Two seconds of a 440 Hz tone at half scale. */
    private static float[] tone(int rate, double seconds) {
        var samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        return samples;
    }

    @ParameterizedTest
    @EnumSource(
            value = AudioFormat.class,
            names = {"MP3", "OPUS", "AAC", "FLAC", "WAV"})
    void encode_thenProbe_givesTheDurationAndRate(AudioFormat format) throws IOException {
        var file = dir.resolve("tone." + format.id());
        Files.write(file, codecs.encode(tone(RATE, 2.0), RATE, format));

        var info = codecs.probe(file);

        assertThat(info.duration().toMillis()).isBetween(1_900L, 2_100L);
        // Opus in Ogg always reports 48 kHz: the codec's own clock.
        assertThat(info.sampleRate()).isEqualTo(format == AudioFormat.OPUS ? 48_000 : RATE);
        assertThat(info.channels()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = AudioFormat.class,
            names = {"MP3", "OPUS", "AAC", "FLAC", "WAV"})
    void encode_thenDecode_keepsTheToneAtTheRequestedRate(AudioFormat format) {
        byte[] encoded = codecs.encode(tone(RATE, 2.0), RATE, format);

        float[] decoded = codecs.decodeMono(encoded, 16_000);

        assertThat(decoded.length).isBetween(30_400, 33_600); // 2 s at 16 kHz, ±5 %
        double rms = Math.sqrt(Arrays.stream(toDoubles(decoded, 8_000, 24_000))
                .map(x -> x * x)
                .average()
                .orElse(0));
        assertThat(rms).isBetween(0.30, 0.40); // a 0.5-amplitude sine has RMS 0.354
    }

    @Test
    void pcm_isRawLittleEndian16BitSamples() {
        byte[] pcm = codecs.encode(new float[] {0f, 1f, -1f, 2f}, RATE, AudioFormat.PCM);

        assertThat(pcm).containsExactly(0, 0, 0xff, 0x7f, 0x01, 0x80, 0xff, 0x7f);
    }

    @Test
    void stereoWav_isMixedToMono() throws IOException {
        var stereo = dir.resolve("stereo.wav");
        Files.write(stereo, codecs.encode(tone(16_000, 1.0), 16_000, AudioFormat.WAV));
        var upmixed = dir.resolve("up.wav");
        new ProcessBuilder("ffmpeg", "-v", "error", "-i", stereo.toString(), "-ac", "2", upmixed.toString())
                .inheritIO()
                .start()
                .onExit()
                .join();

        assertThat(codecs.probe(upmixed).channels()).isEqualTo(2);
        assertThat(codecs.decodeMono(upmixed, 16_000)).hasSize(16_000);
    }

    @Test
    void textFile_isA422ThatNamesTheFormats() {
        assertThatThrownBy(() -> codecs.decodeMono("hello, I am not audio".getBytes(), 16_000))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_AUDIO);
                    assertThat(e.getMessage()).contains("mp3, wav, m4a, flac, ogg, webm or mp4");
                });
    }

    @Test
    void emptyFile_isA422() {
        assertThatThrownBy(() -> codecs.probe(new byte[0]))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_AUDIO));
    }

    @Test
    void videoWithoutSound_isA422NoAudioStream() throws IOException {
        var video = dir.resolve("silent.mp4");
        new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=black:s=32x32:d=1",
                        "-an",
                        video.toString())
                .inheritIO()
                .start()
                .onExit()
                .join();

        assertThatThrownBy(() -> codecs.probe(video))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).contains("no audio stream"));
    }

    @Test
    void decodeOfAnInputThatNeverArrives_endsAtTheDeadline() throws Exception {
        // A FIFO nobody writes: the real FFmpeg blocks opening it until the deadline kills it.
        var fifo = dir.resolve("never-written.wav");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        var impatient = new AudioCodecs("ffmpeg", "ffprobe", Duration.ofMillis(500));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.decodeMono(fifo, 16_000))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).contains("took longer than"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void streamingEncode_writesToTheCallersStream() {
        var out = new ByteArrayOutputStream();
        codecs.encode(tone(RATE, 1.0), RATE, AudioFormat.MP3, out);

        assertThat(out.toByteArray()).hasSizeGreaterThan(4_000);
        assertThat(codecs.decodeMono(out.toByteArray(), 16_000).length).isBetween(15_200, 17_600);
    }

    @Test
    void streamingEncode_toAClientThatWentAway_failsWithoutHanging() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client closed the connection");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("client closed the connection");
            }
        };

        assertThatThrownBy(() -> codecs.encode(tone(RATE, 30.0), RATE, AudioFormat.MP3, gone))
                .hasRootCauseMessage("client closed the connection");
    }

    private static double[] toDoubles(float[] samples, int from, int to) {
        var out = new double[to - from];
        for (int i = from; i < to; i++) out[i - from] = samples[i];
        return out;
    }
}
