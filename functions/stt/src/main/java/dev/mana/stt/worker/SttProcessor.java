package dev.mana.stt.worker;

import dev.mana.platform.ApiException;
import dev.mana.platform.Json;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.worker.JobContext;
import dev.mana.platform.jobs.worker.JobProcessor;
import dev.mana.platform.jobs.worker.PermanentFailure;
import dev.mana.stt.Transcriber;
import dev.mana.stt.Transcript;
import dev.mana.stt.models.ModelEntry;
import dev.mana.stt.service.AudioInput;
import dev.mana.stt.service.AudioStore;
import dev.mana.stt.service.SpeechEngine;
import dev.mana.stt.service.SttJobs;
import dev.mana.stt.service.SttOptions;
import dev.mana.stt.service.SttPricing;
import dev.mana.stt.service.TranscriptRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code stt} kind, the same code on the Lambda worker and the GPU service: fetches the
 * job's audio from S3, decodes it, transcribes it window by window (each window's end is the
 * job's progress, and a checkpoint: a cancel stops it there), and answers the transcript. A
 * transcript over {@code inlineBytes} of JSON goes to {@code results/<job>/transcript.json} and
 * the job's result links it. The job is charged the price of the decoded duration, at most its
 * hold; bad or silent audio fails it, releasing the hold.
 */
public final class SttProcessor implements JobProcessor {

    public static final int DEFAULT_INLINE_BYTES = 256 * 1024;

    private final SpeechEngine engine;
    private final AudioCodecs codecs;
    private final AudioStore store;
    private final int inlineBytes;

    public SttProcessor(SpeechEngine engine, AudioCodecs codecs, AudioStore store, int inlineBytes) {
        this.engine = engine;
        this.codecs = codecs;
        this.store = store;
        this.inlineBytes = inlineBytes;
    }

    @Override
    public Result process(Job job, JobContext context) throws Exception {
        Map<String, Object> payload = context.payload();
        SttOptions options;
        ModelEntry model;
        try {
            options = SttOptions.fromMap(payload);
            model = engine.registry().require(options.model());
        } catch (RuntimeException e) {
            throw new PermanentFailure("invalid_job", 422, "The job's options could not be read: " + e.getMessage());
        }
        String audioKey = (String) payload.get("audioKey");
        if (audioKey == null) {
            throw new PermanentFailure("invalid_job", 422, "The job names no audio.");
        }
        context.checkpoint();
        Transcript transcript;
        try (AudioInput input = AudioInput.of(
                store.download(audioKey), codecs, engine.settings().maxDurationSeconds())) {
            float[] audio = input.decode(codecs);
            Transcriber transcriber = engine.transcriber(model);
            context.progress(0, 1, 0);
            transcript = transcriber.transcribe(
                    audio, options.decodeOptions(model.manifest()), (done, total) -> context.progress(done, total, 0));
        } catch (ApiException e) {
            throw new PermanentFailure(e.errorCode().code(), e.errorCode().status(), e.getMessage());
        }
        if (transcript.segments().isEmpty()) {
            throw new PermanentFailure("invalid_audio", 422, "The audio contains no speech; nothing was charged.");
        }
        Map<String, Object> result = TranscriptRenderer.asMap(transcript, model.name());
        String json = Json.write(result);
        if (json.length() > inlineBytes) {
            String key = store.putResult(job.id(), "transcript.json", json);
            Map<String, Object> linked = new LinkedHashMap<>();
            linked.put("language", transcript.language());
            linked.put("duration", result.get("duration"));
            linked.put("model", model.name());
            linked.put("s3Keys", java.util.List.of(key));
            result = linked;
        }
        return new Result(result, SttPricing.credits(transcript.durationSeconds(), model.manifest()));
    }

    public static String kind() {
        return SttJobs.KIND;
    }
}
