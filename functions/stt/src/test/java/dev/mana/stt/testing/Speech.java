package dev.mana.stt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test audio made for real: espeak-ng speaks, FFmpeg converts to the format a client would send. */
public final class Speech {

    /** Container formats clients send, with the FFmpeg arguments that make them. */
    public enum Format {
        MP3("mp3", "audio/mpeg", "-c:a", "libmp3lame", "-b:a", "64k"),
        WAV("wav", "audio/wav", "-c:a", "pcm_s16le"),
        M4A("m4a", "audio/mp4", "-c:a", "aac", "-b:a", "64k"),
        FLAC("flac", "audio/flac", "-c:a", "flac"),
        OGG("ogg", "audio/ogg", "-c:a", "libopus", "-b:a", "32k"),
        WEBM("webm", "audio/webm", "-c:a", "libopus", "-b:a", "32k"),
        MP4("mp4", "video/mp4", "-c:a", "aac", "-b:a", "64k");

        public final String extension;
        public final String contentType;
        final String[] codec;

        Format(String extension, String contentType, String... codec) {
            this.extension = extension;
            this.contentType = contentType;
            this.codec = codec;
        }
    }

    private Speech() {}

    /** {@code text} as espeak-ng says it by default (voice en, 175 words a minute), in {@code format}. */
    public static byte[] say(String text, Format format) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("speech-", ".wav");
        try {
            run(List.of("espeak-ng", "-v", "en", "-w", wav.toString(), text));
            return convert(wav, format, List.of());
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** {@code seconds} of silence in {@code format}. */
    public static byte[] silence(double seconds, Format format) throws IOException, InterruptedException {
        return convert(
                null, format, List.of("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", String.valueOf(seconds)));
    }

    /** {@code input} (a file FFmpeg reads) converted to {@code format}. */
    public static byte[] convert(Path input, Format format, List<String> source)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("speech-", "." + format.extension);
        try {
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error"));
            if (input != null) {
                cmd.addAll(List.of("-i", input.toString()));
            }
            cmd.addAll(source);
            cmd.addAll(List.of(format.codec));
            cmd.add(out.toString());
            run(cmd);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: " + command.get(0) + " is not installed");
            throw e;
        }
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }
}
