package dev.mana.tts.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Charged;
import dev.mana.platform.jobs.Job;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.jobs.TtsJobs;
import java.util.Map;

/**
 * A checked order answered: up to {@value #DIRECT_MAX_CHARS} characters as audio in the response
 * (charged once encoded), longer text as a {@code tts} job (its price held, 202 with the job to
 * poll). API Gateway's REST proxy integration buffers the whole answer, so the direct answer is
 * not streamed.
 */
public final class Speaking {

    /** Text spoken in the request; OpenAI's limit, and well inside API Gateway's 29 s. */
    public static final int DIRECT_MAX_CHARS = 4_096;
    /** Text a job speaks: about two hours of audio. */
    public static final int JOB_MAX_CHARS = 100_000;

    private final AudioCodecs codecs;
    private final TtsBilling billing;
    private final TtsJobs jobs;

    public Speaking(AudioCodecs codecs, TtsBilling billing, TtsJobs jobs) {
        this.codecs = codecs;
        this.billing = billing;
        this.jobs = jobs;
    }

    public ApiResponse answer(ApiRequest request, SpeechOrder order) {
        long price = TtsBilling.price(order.engine().id(), order.characters());
        billing.requireCredits(request, price);
        if (order.characters() > DIRECT_MAX_CHARS) return job(request, order, price);
        float[] samples = order.engine().speak(order.text(), order.voice(), order.speed());
        byte[] audio = codecs.encode(samples, SpeechEngine.SAMPLE_RATE, order.format());
        Charged charged = billing.charge(request, order.engine().id(), price);
        return charged.onto(ApiResponse.binary(200, order.format().contentType(), audio))
                .withHeader("X-Tts-Model", order.engine().id())
                .withHeader("X-Tts-Voice", order.voice());
    }

    private ApiResponse job(ApiRequest request, SpeechOrder order, long price) {
        String key = request.header("Idempotency-Key")
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .orElse(null);
        Job job = jobs.submit(request.requireCaller().accountId(), order, price, key, request.bodyText());
        String self = "/v1/jobs/" + job.id();
        var answer =
                Map.of("id", job.id(), "object", "job", "status", job.status().wire(), "links", Map.of("self", self));
        return ApiResponse.json(202, answer).withHeader("Location", self);
    }
}
