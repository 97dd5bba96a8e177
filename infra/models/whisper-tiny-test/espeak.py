"""espeak-ng through its C library (ctypes), so that each utterance comes with word timings.

The command-line tool gives only audio; the library's synth callback also reports a WORD event
(text position, audio position) per word. Training uses those timings to guide the decoder's
cross-attention, which lets a tiny model learn the alignment within minutes on a CPU.
"""
import ctypes
import numpy as np
from scipy.signal import resample_poly

_SYNCHRONOUS, _POS_CHARACTER, _CHARS_AUTO = 2, 1, 0
_RATE, _PITCH, _WORDGAP = 1, 3, 7
_EVENT_WORD, _EVENT_END = 1, 0


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


class Espeak:
    def __init__(self):
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        self.rate = self.lib.espeak_Initialize(_SYNCHRONOUS, 200, None, 0)
        if self.rate <= 0:
            raise RuntimeError("espeak_Initialize failed")
        self._chunks, self._words = [], []
        self._cb = _CALLBACK(self._on_audio)     # keep a reference: the library calls it later
        self.lib.espeak_SetSynthCallback(self._cb)

    def _on_audio(self, wav, n, events):
        if n > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
        i = 0
        while events[i].type != _EVENT_END:
            if events[i].type == _EVENT_WORD:
                # sample counts from the start of this utterance (audio_position is rounded ms)
                self._words.append((events[i].text_position, events[i].sample))
            i += 1
        return 0

    def speak(self, text, voice, speed, pitch, gap):
        """Audio at 16 kHz float32, and per word the start time in seconds (in text order)."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise ValueError(f"unknown voice {voice}")
        self.lib.espeak_SetParameter(_RATE, speed, 0)
        self.lib.espeak_SetParameter(_PITCH, pitch, 0)
        self.lib.espeak_SetParameter(_WORDGAP, gap, 0)
        self._chunks, self._words = [], []
        raw = text.encode()
        self.lib.espeak_Synth(raw, len(raw) + 1, 0, _POS_CHARACTER, 0, _CHARS_AUTO, None, None)
        self.lib.espeak_Synchronize()
        pcm = np.concatenate(self._chunks).astype(np.float32) / 32768 if self._chunks else np.zeros(0, np.float32)
        audio = resample_poly(pcm, 320, 441).astype(np.float32) if self.rate == 22050 else \
            resample_poly(pcm, 16000, self.rate).astype(np.float32)
        starts = [s / self.rate for _, s in sorted(self._words)]
        return audio, starts
