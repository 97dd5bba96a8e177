package dev.mana.stt;

import java.util.List;

/** The result of transcribing (or translating) one audio file. */
public record Transcript(String text, String language, double durationSeconds, List<Segment> segments) {}
