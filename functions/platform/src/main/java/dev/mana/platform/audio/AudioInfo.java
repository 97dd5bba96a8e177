package dev.mana.platform.audio;

import java.time.Duration;

/**
 * What ffprobe says of a file's first audio stream.
 *
 * @param container the container's short names as ffprobe gives them (e.g. {@code mov,mp4,m4a})
 * @param codec the audio codec (e.g. {@code aac}, {@code mp3}, {@code pcm_s16le})
 * @param duration the playing time; measured by decoding where the container does not say it
 */
public record AudioInfo(String container, String codec, Duration duration, int sampleRate, int channels) {}
