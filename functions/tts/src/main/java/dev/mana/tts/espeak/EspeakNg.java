package dev.mana.tts.espeak;

import dev.mana.platform.process.BoundedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The espeak-ng program (Debian's package; {@code MANA_ESPEAK_NG} names another binary). Text goes
 * in on stdin as UTF-8, never as an argument; the voice is one of its own listed names and the
 * numbers are formatted here, so nothing a caller sends becomes an option. Each run has a deadline.
 */
public final class EspeakNg {

    public static final String BINARY_VARIABLE = "MANA_ESPEAK_NG";
    /** espeak-ng's own sample rate. */
    public static final int SAMPLE_RATE = 22_050;
    /** Its slowest rate in words per minute: slower requests are clamped by espeak-ng itself. */
    public static final int MIN_WORDS_PER_MINUTE = 80;
    /** Its rate at speed 1. */
    public static final int DEFAULT_WORDS_PER_MINUTE = 175;

    /** An hour of 22 kHz 16-bit audio; more means something is wrong. */
    private static final int MAX_WAV_BYTES = 160 * 1024 * 1024;

    private static final int MAX_TEXT_OUTPUT_BYTES = 4 * 1024 * 1024;

    private final String binary;
    private final Duration deadline;

    public EspeakNg(String binary, Duration deadline) {
        this.binary = binary;
        this.deadline = deadline;
    }

    /** WAV bytes (22,050 Hz, 16-bit mono) of {@code text} in {@code voice}. */
    public byte[] speak(String text, String voice, int wordsPerMinute, int wordGap) {
        return BoundedProcess.run(
                List.of(
                        binary,
                        "--stdin",
                        "-b",
                        "1",
                        "-v",
                        voice,
                        "-s",
                        Integer.toString(wordsPerMinute),
                        "-g",
                        Integer.toString(wordGap),
                        "--stdout"),
                text.getBytes(StandardCharsets.UTF_8),
                deadline,
                MAX_WAV_BYTES);
    }

    /** The IPA phonemes of {@code text}, one line per clause as espeak-ng writes them. */
    public String ipa(String text, String voice) {
        byte[] out = BoundedProcess.run(
                List.of(binary, "-q", "--stdin", "-b", "1", "--ipa", "-v", voice),
                text.getBytes(StandardCharsets.UTF_8),
                deadline,
                MAX_TEXT_OUTPUT_BYTES);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The output of {@code espeak-ng --voices}. */
    public String voiceListing() {
        return new String(
                BoundedProcess.run(List.of(binary, "--voices"), new byte[0], deadline, MAX_TEXT_OUTPUT_BYTES),
                StandardCharsets.UTF_8);
    }
}
