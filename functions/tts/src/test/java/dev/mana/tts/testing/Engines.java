package dev.mana.tts.testing;

import dev.mana.tts.espeak.EspeakEngine;
import dev.mana.tts.espeak.EspeakNg;
import java.time.Duration;

/** The real engines the tests speak with. */
public final class Engines {
    private Engines() {}

    public static EspeakNg espeakNg() {
        return new EspeakNg("espeak-ng", Duration.ofSeconds(30));
    }

    public static EspeakEngine espeak() {
        return new EspeakEngine(espeakNg());
    }
}
