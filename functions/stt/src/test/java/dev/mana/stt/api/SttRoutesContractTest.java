package dev.mana.stt.api;

import dev.mana.emulator.OpenApiContract;
import dev.mana.platform.Router;
import java.util.List;
import org.junit.jupiter.api.Test;

class SttRoutesContractTest {

    @Test
    void router_andOpenApi_listTheSameRoutes() {
        SyncTranscription sync = new SyncTranscription(null, null, null, null, null, null);
        var routes = List.of(
                new TranscribeRoute(sync, "m").route(),
                new VoxtralRoute(sync).route(),
                new AutoRoute(sync).route(),
                OpenAiAudioRoute.transcriptions(sync, "m").route(),
                OpenAiAudioRoute.translations(sync, "m").route(),
                new ModelsRoute(null).route(),
                new CreateJobRoute(null, null, null, null, null, "m").route());

        OpenApiContract.assertRoutesMatch("SttFunction", new Router(routes));
    }
}
