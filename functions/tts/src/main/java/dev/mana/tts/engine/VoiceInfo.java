package dev.mana.tts.engine;

/** One voice as {@code GET /v1/tts/voices} lists it. */
public record VoiceInfo(String id, String name, String language, String gender, String engine) {}
