package dev.mana.stt.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.MultipartForm;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.stt.Transcript;
import dev.mana.stt.models.ModelEntry;
import dev.mana.stt.service.AudioInput;
import dev.mana.stt.service.AudioStore;
import dev.mana.stt.service.SpeechEngine;
import dev.mana.stt.service.SttJobs;
import dev.mana.stt.service.SttOptions;
import dev.mana.stt.service.SttPricing;
import dev.mana.stt.service.TranscriptRenderer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * What every sync route does with the audio it received: probe it (bad, empty, truncated or too
 * long audio is a 422 before anything is charged), pick the model, and either answer in the
 * request (audio up to {@code STT_SYNC_MAX_SECONDS} on a model this function runs) or make a job
 * of it (202, never a timeout). In the request: refuse a caller who cannot pay before decoding,
 * transcribe, refuse silence (422, nothing charged), then charge the price per started minute
 * through the ledger (Idempotency-Key honoured) and answer with the credit headers.
 */
public final class SyncTranscription {

    /** Lambda's request payload limit is 6 MB: the base64 of the body must fit. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private final SpeechEngine engine;
    private final AudioCodecs codecs;
    private final Billing billing;
    private final CreditLedger ledger;
    private final SttJobs jobs;
    private final AudioStore store;

    public SyncTranscription(
            SpeechEngine engine,
            AudioCodecs codecs,
            Billing billing,
            CreditLedger ledger,
            SttJobs jobs,
            AudioStore store) {
        this.engine = engine;
        this.codecs = codecs;
        this.billing = billing;
        this.ledger = ledger;
        this.jobs = jobs;
        this.store = store;
    }

    public SpeechEngine engine() {
        return engine;
    }

    /**
     * @param modelFor the model for the audio's duration in seconds
     * @param optionsFor the request's options for the chosen model's name
     */
    public ApiResponse run(
            ApiRequest request,
            MultipartForm form,
            DoubleFunction<ModelEntry> modelFor,
            Function<String, SttOptions> optionsFor) {
        MultipartForm.Part file = form.part("file")
                .filter(p -> p.filename().isPresent() || p.bytes().length > 0)
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.MISSING_FIELD, "file", "Send the audio as the form field 'file'."));
        try (AudioInput input = AudioInput.of(
                file.bytes(),
                file.filename().orElse("audio"),
                codecs,
                engine.settings().maxDurationSeconds())) {
            double seconds = input.durationSeconds();
            ModelEntry model = modelFor.apply(seconds);
            SttOptions options = optionsFor.apply(model.name());
            boolean runsHere =
                    model.manifest().runsOnWhisperRuntime() && model.directory().isPresent();
            if (!runsHere || seconds > engine.settings().syncMaxSeconds()) {
                String key = store.keep(request.requireCaller().accountId(), input.file());
                return jobs.create(request, key, seconds, model, options, null, fingerprint(request));
            }
            long price = SttPricing.credits(seconds, model.manifest());
            requireCredits(request, price);
            float[] audio = input.decode(codecs);
            Transcript transcript;
            try {
                transcript = engine.transcriber(model)
                        .transcribe(audio, options.decodeOptions(model.manifest()), (d, t) -> {});
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException("transcription failed", e);
            }
            if (transcript.segments().isEmpty()) {
                throw ApiException.field(
                        ErrorCode.INVALID_AUDIO, "file", "The audio contains no speech; nothing was charged.");
            }
            Charged charged =
                    billing.charge(request, SttPricing.SERVICE, price, SttPricing.SERVICE + " " + model.name());
            return charged.onto(TranscriptRenderer.render(transcript, options));
        }
    }

    private void requireCredits(ApiRequest request, long price) {
        long balance = ledger.balance(request.requireCaller().accountId()).balance();
        if (balance < price) {
            throw new ApiException(
                            ErrorCode.INSUFFICIENT_CREDITS,
                            "This audio costs " + price + " credits and the balance is " + balance + ".")
                    .with("balance", balance)
                    .with("price", price);
        }
    }

    static String fingerprint(ApiRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.body());
            return request.path() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
