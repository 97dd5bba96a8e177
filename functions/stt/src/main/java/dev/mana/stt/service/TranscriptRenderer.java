package dev.mana.stt.service;

import dev.mana.platform.ApiResponse;
import dev.mana.stt.Segment;
import dev.mana.stt.Transcript;
import dev.mana.stt.text.WhisperLanguages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A transcript in the format asked for, as OpenAI's audio routes answer: {@code json}
 * ({@code {"text"}}), {@code text}, {@code srt}, {@code vtt}, {@code verbose_json} (task,
 * language name, duration, segments and, when asked, words); and the seed routes' JSON.
 */
public final class TranscriptRenderer {

    private TranscriptRenderer() {}

    public static ApiResponse render(Transcript t, SttOptions options) {
        return switch (options.responseFormat()) {
            case TEXT -> text(t.text() + "\n", "text/plain; charset=utf-8");
            case SRT -> text(subtitles(t, false), "text/plain; charset=utf-8");
            case VTT -> text(subtitles(t, true), "text/vtt; charset=utf-8");
            case JSON -> ApiResponse.ok(Map.of("text", t.text()));
            case VERBOSE_JSON -> ApiResponse.ok(verbose(t, options));
            case MANA -> ApiResponse.ok(asMap(t, options.model()));
        };
    }

    /** The seed routes' JSON, also a job's result. */
    public static Map<String, Object> asMap(Transcript t, String model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", t.text());
        out.put("language", t.language());
        out.put("duration", round(t.durationSeconds()));
        out.put("model", model);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Segment s : t.segments()) {
            segments.add(Map.of(
                    "id",
                    s.id(),
                    "start",
                    s.start(),
                    "end",
                    s.end(),
                    "text",
                    s.text().strip()));
        }
        out.put("segments", segments);
        return out;
    }

    static Map<String, Object> verbose(Transcript t, SttOptions options) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", options.translate() ? "translate" : "transcribe");
        int index = WhisperLanguages.CODES.indexOf(t.language());
        out.put("language", index >= 0 ? WhisperLanguages.NAMES.get(index) : t.language());
        out.put("duration", round(t.durationSeconds()));
        out.put("text", t.text());
        if (options.granularities().contains("segment")
                || !options.granularities().contains("word")) {
            List<Map<String, Object>> segments = new ArrayList<>();
            for (Segment s : t.segments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("seek", (int) Math.round(s.start() * 100));
                m.put("start", s.start());
                m.put("end", s.end());
                m.put("text", s.text());
                m.put("tokens", s.tokens());
                m.put("temperature", s.temperature());
                m.put("avg_logprob", s.avgLogprob());
                m.put("compression_ratio", s.compressionRatio());
                m.put("no_speech_prob", s.noSpeechProb());
                segments.add(m);
            }
            out.put("segments", segments);
        }
        if (options.granularities().contains("word")) {
            out.put("words", words(t));
        }
        return out;
    }

    /**
     * Word times spread over each segment by character length: an estimate (Whisper's own word
     * times come from cross-attention alignment, which the exported decoder does not output).
     */
    static List<Map<String, Object>> words(Transcript t) {
        List<Map<String, Object>> words = new ArrayList<>();
        for (Segment s : t.segments()) {
            String[] parts = s.text().strip().split("\\s+");
            int chars = 0;
            for (String p : parts) {
                chars += p.length() + 1;
            }
            double at = s.start();
            double perChar = chars == 0 ? 0 : (s.end() - s.start()) / chars;
            for (String p : parts) {
                if (p.isEmpty()) {
                    continue;
                }
                double end = at + (p.length() + 1) * perChar;
                words.add(Map.of("word", p, "start", round(at), "end", round(end)));
                at = end;
            }
        }
        return words;
    }

    static String subtitles(Transcript t, boolean vtt) {
        StringBuilder out = new StringBuilder(vtt ? "WEBVTT\n\n" : "");
        int n = 1;
        for (Segment s : t.segments()) {
            if (!vtt) {
                out.append(n++).append('\n');
            }
            out.append(clock(s.start(), vtt))
                    .append(" --> ")
                    .append(clock(s.end(), vtt))
                    .append('\n');
            out.append(s.text().strip()).append("\n\n");
        }
        return out.toString();
    }

    private static String clock(double seconds, boolean vtt) {
        long ms = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d%s%03d",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                vtt ? "." : ",",
                ms % 1000);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static ApiResponse text(String body, String contentType) {
        return new ApiResponse(200, Map.of("Content-Type", contentType), body, false);
    }
}
