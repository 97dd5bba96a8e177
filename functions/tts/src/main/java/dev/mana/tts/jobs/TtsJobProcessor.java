package dev.mana.tts.jobs;

import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.audio.AudioFormat;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.worker.JobContext;
import dev.mana.platform.jobs.worker.JobProcessor;
import dev.mana.platform.jobs.worker.PermanentFailure;
import dev.mana.tts.engine.SampleBuffer;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.engine.TextChunks;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The {@code tts} kind: the text from S3, spoken a part at a time (a cancel stops it between parts;
 * progress counts characters), encoded once, and put at {@code results/<job>/speech.<format>},
 * which {@code GET /v1/jobs/{id}} links to. The job costs what its hold holds: the price is known
 * from the text.
 */
public final class TtsJobProcessor implements JobProcessor {

    /** Characters spoken between checkpoints: a cancel waits for at most this much speech. */
    static final int PART_CHARS = 2_000;

    private final SpeechEngines engines;
    private final AudioCodecs codecs;
    private final S3Client s3;
    private final String bucket;

    public TtsJobProcessor(SpeechEngines engines, AudioCodecs codecs, S3Client s3, String bucket) {
        this.engines = engines;
        this.codecs = codecs;
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Result process(Job job, JobContext context) throws PermanentFailure {
        Map<String, Object> input = context.payload();
        SpeechEngine engine = engines.find(String.valueOf(input.get("engine")))
                .orElseThrow(() -> new PermanentFailure(
                        "model_unavailable",
                        503,
                        "The model " + input.get("engine") + " is not deployed on this worker."));
        AudioFormat format = AudioFormat.fromId(String.valueOf(input.get("format")))
                .orElseThrow(() -> new PermanentFailure("invalid_job", 422, "The job's format could not be read."));
        String voice = String.valueOf(input.get("voice"));
        double speed = ((Number) input.get("speed")).doubleValue();
        String text = s3.getObjectAsBytes(GetObjectRequest.builder()
                        .bucket(bucket)
                        .key(String.valueOf(input.get("textKey")))
                        .build())
                .asString(StandardCharsets.UTF_8);
        var samples = new SampleBuffer();
        var parts = TextChunks.split(text, PART_CHARS);
        long done = 0;
        context.progress(0, text.length(), 0);
        for (String part : parts) {
            context.checkpoint();
            engine.speak(part, voice, speed, samples::append);
            done += part.length() + 1;
            context.progress(Math.min(done, text.length()), text.length(), 0);
        }
        byte[] audio = codecs.encode(samples.toArray(), SpeechEngine.SAMPLE_RATE, format);
        String key = TtsJobs.audioKey(job.id(), format.id());
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(format.contentType())
                        .build(),
                RequestBody.fromBytes(audio));
        var result = new LinkedHashMap<String, Object>();
        result.put("s3Keys", java.util.List.of(key));
        result.put("format", format.id());
        result.put("contentType", format.contentType());
        result.put("seconds", Math.round(samples.size() * 100.0 / SpeechEngine.SAMPLE_RATE) / 100.0);
        result.put("bytes", audio.length);
        result.put("engine", engine.id());
        result.put("voice", voice);
        return new Result(result, job.credits().held());
    }
}
