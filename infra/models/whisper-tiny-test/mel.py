"""Whisper's log-mel spectrogram (whisper/audio.py) in numpy, and a check against the reference.

16 kHz mono; STFT n_fft 400, hop 160, periodic Hann window, centred frames with reflect padding;
power of 201 bins with the last frame dropped; 80 mel filters (mel_filters.npz "mel_80");
log10(max(mel, 1e-10)), floored at (max - 8), then (x + 4) / 4. Whisper pads 30 s of zeros after
the audio first; zeros only add frames at the floor, so training pads 1 s and fills the rest with
the floor value, which gives the same 3000 frames.

Check: mel.py check ../shared/assets/whisper/jfk.flac ../shared/fixtures/whisper-mel/jfk_mel80.npy
"""
import subprocess
import sys
import numpy as np

N_FFT, HOP, SAMPLE_RATE, FRAMES = 400, 160, 16000, 3000


def log_mel(audio, filters, pad_seconds=30.0):
    audio = np.concatenate([np.asarray(audio, np.float64), np.zeros(int(pad_seconds * SAMPLE_RATE))])
    padded = np.pad(audio, N_FFT // 2, mode="reflect")
    count = 1 + (len(padded) - N_FFT) // HOP
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)
    frames = padded[np.arange(N_FFT)[None, :] + HOP * np.arange(count)[:, None]] * window
    power = np.abs(np.fft.rfft(frames, axis=1)[:-1]) ** 2
    spec = np.log10(np.maximum(filters @ power.T, 1e-10))
    spec = np.maximum(spec, spec.max() - 8.0)
    return ((spec + 4.0) / 4.0).astype(np.float32)


def decode_audio(path):
    """Any file FFmpeg reads, as 16 kHz mono float32 (what the Java pipeline does)."""
    raw = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "f32le", "-ac", "1", "-ar", "16000", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.float32)


def filters_80(assets):
    return np.load(f"{assets}/mel_filters.npz")["mel_80"]


if __name__ == "__main__" and sys.argv[1:2] == ["check"]:
    audio_path, reference_path = sys.argv[2], sys.argv[3]
    assets = audio_path.rsplit("/", 1)[0]
    ours = log_mel(decode_audio(audio_path), filters_80(assets))[:, :FRAMES]
    reference = np.load(reference_path)
    reference = reference.reshape(ours.shape) if reference.size == ours.size else reference
    diff = np.abs(ours - reference)
    print(f"shape {ours.shape} vs {reference.shape}; max abs diff {diff.max():.2e}, mean {diff.mean():.2e}")
    sys.exit(0 if diff.max() <= 1e-3 else 1)
