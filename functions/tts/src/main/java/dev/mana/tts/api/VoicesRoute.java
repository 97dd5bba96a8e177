package dev.mana.tts.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.engine.VoiceInfo;
import dev.mana.tts.voices.CustomVoice;
import dev.mana.tts.voices.VoiceSlots;
import dev.mana.tts.voices.VoiceStore;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/tts/voices[?engine=espeak|kokoro]}: the engines deployed here (the default first
 * marked), every preset voice of each, and the caller's own custom voices with its slots.
 */
public final class VoicesRoute {

    public record Engine(String id, boolean isDefault, String defaultVoice, int voices) {}

    public record Custom(String id, String name, double seconds, Instant createdAt) {}

    public record Slots(int used, int limit) {}

    public record VoicesResponse(
            String object, List<Engine> engines, List<VoiceInfo> data, List<Custom> custom, Slots slots) {}

    private final SpeechEngines engines;
    private final VoiceStore voices;
    private final VoiceSlots slots;

    public VoicesRoute(SpeechEngines engines, VoiceStore voices, VoiceSlots slots) {
        this.engines = engines;
        this.voices = voices;
        this.slots = slots;
    }

    public Route route() {
        return Route.get("/v1/tts/voices", this::handle);
    }

    ApiResponse handle(ApiRequest request) {
        var caller = request.requireCaller();
        var only = request.query("engine");
        List<SpeechEngine> listed = engines.all().stream()
                .filter(e -> only.isEmpty() || only.get().equals(e.id()))
                .toList();
        var engineList = listed.stream()
                .map(e -> new Engine(
                        e.id(),
                        e == engines.defaultEngine(),
                        e.defaultVoice(),
                        e.voices().size()))
                .toList();
        var presets = listed.stream().flatMap(e -> e.voices().stream()).toList();
        List<CustomVoice> own = voices.list(caller.accountId());
        var custom = own.stream()
                .map(v -> new Custom(v.id(), v.name(), v.seconds(), v.createdAt()))
                .toList();
        return ApiResponse.ok(new VoicesResponse(
                "list", engineList, presets, custom, new Slots(own.size(), slots.of(caller.tier()))));
    }
}
