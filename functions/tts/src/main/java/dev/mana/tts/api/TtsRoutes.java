package dev.mana.tts.api;

import dev.mana.platform.Route;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.jobs.TtsJobs;
import dev.mana.tts.voices.VoiceSlots;
import dev.mana.tts.voices.VoiceStore;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/** Every route of the TTS function over one set of engines, one way of paying and one voice store. */
public record TtsRoutes(
        SpeechEngines engines,
        AudioCodecs codecs,
        Billing billing,
        CreditLedger ledger,
        TtsJobs jobs,
        VoiceStore voices,
        VoiceSlots slots,
        S3Client s3,
        String bucket) {

    public List<Route> all() {
        var speaking = new Speaking(codecs, new TtsBilling(billing, ledger), jobs);
        return List.of(
                new SpeechRoute(engines, speaking).route(),
                new SynthesizeKokoroRoute(engines, speaking).route(),
                new AutoSynthesizeRoute(engines, speaking, voices).route(),
                new SynthesizeRoute(engines, voices).route(),
                new VoicesRoute(engines, voices, slots).route(),
                new CreateVoiceRoute(voices, slots, codecs, s3, bucket).route(),
                new DeleteVoiceRoute(voices, s3, bucket).route());
    }
}
