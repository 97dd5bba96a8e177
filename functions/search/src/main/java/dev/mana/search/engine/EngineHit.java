package dev.mana.search.engine;

/** One result as an engine gave it; {@code publishedAt} (ISO-8601) and {@code thumbnail} may be null. */
public record EngineHit(String title, String url, String snippet, String publishedAt, String thumbnail) {}
