"""Speech data for the test model: random word orders over words.txt, spoken by espeak-ng.

Training shards (library voice, with word start times for guided attention):
    gen_data.py train OUT.npz COUNT SEED
Held-out evaluation (the espeak-ng command line, as the Java tests call it; word orders never
used for training because training skips every sequence listed in heldout.txt):
    gen_data.py eval OUT.npz COUNT SEED
Each utterance is stored as the Whisper log-mel frames that carry audio (float16, [frames, 80]);
the rest of the 3000 frames is the floor value. Texts are labelled with real Whisper token ids.
"""
import os
import random
import subprocess
import sys
import numpy as np
from scipy.signal import resample_poly

from mel import SAMPLE_RATE, filters_80, log_mel
from tokenizer import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.environ.get("WHISPER_ASSETS", os.path.join(HERE, "../../../../shared/assets/whisper"))
WORDS = open(os.path.join(HERE, "words.txt")).read().split()
BASES = ["en", "en-us", "en-GB-scotland", "en-GB-x-rp", "en-GB-x-gbclan", "en-GB-x-gbcwmd", "en-029", "en-US-nyc"]
VARIANTS = ["", "+m1", "+m2", "+m3", "+m4", "+m5", "+m6", "+m7", "+f1", "+f2", "+f3", "+f4", "+f5", "+klatt",
            "+klatt2", "+klatt3", "+Alex", "+Andy", "+Annie", "+david", "+edward", "+linda", "+paul", "+grandma"]
MAX_SECONDS = 9.5         # the encoder hears the first 10 s of each 30 s window


def sentence(rng):
    count = rng.choice([2, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 8])
    words = [rng.choice(WORDS)]
    while len(words) < count:
        w = rng.choice(WORDS)
        if w != words[-1]:
            words.append(w)
    return " ".join(words)


def heldout():
    return set(open(os.path.join(HERE, "heldout.txt")).read().splitlines())


def speak_cli(text, voice, speed, pitch, gap):
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-g", str(gap), "--stdout", text],
                         capture_output=True, check=True).stdout
    pcm = np.frombuffer(wav[44:], np.int16).astype(np.float32) / 32768   # 22,050 Hz mono WAV
    return resample_poly(pcm, 320, 441).astype(np.float32)


def augment(audio, rng):
    audio = audio * 10 ** (rng.uniform(-15, 3) / 20)
    if rng.random() < 0.5:    # a noise floor such as a lossy codec or a microphone leaves
        audio = audio + np.random.default_rng(rng.randrange(1 << 30)).normal(
            0, np.abs(audio).max() * 10 ** (-rng.uniform(35, 70) / 20), len(audio)).astype(np.float32)
    return audio


def main(mode, out, count, seed):
    rng = random.Random(seed)
    filters = filters_80(ASSETS)
    tok = Tokenizer(f"{ASSETS}/multilingual.tiktoken")
    skip = heldout() if mode == "train" else set()
    held = sorted(heldout())
    engine = None
    if mode == "train":
        from espeak import Espeak
        engine = Espeak()
    mels, offsets, floors, tokens, tok_off, starts, ends, texts = [], [0], [], [], [0], [], [], []
    while len(texts) < count:
        text = sentence(rng) if mode == "train" else rng.choice(held)
        if text in skip:
            continue
        voice = rng.choice(BASES) + rng.choice(VARIANTS)
        speed, pitch, gap = rng.randint(120, 220), rng.randint(20, 80), rng.choice([0, 0, 0, 1, 2, 4])
        if mode == "eval" and len(texts) % 2 == 0:     # every other one as espeak-ng says it by default
            voice, speed, pitch, gap = "en", 175, 50, 0
        lead = rng.uniform(0, 0.6)
        if mode == "train":
            audio, word_starts = engine.speak(text, voice, speed, pitch, gap)
            if len(word_starts) != len(text.split()):
                continue
        else:
            audio, word_starts = speak_cli(text, voice, speed, pitch, gap), []
        audio = np.concatenate([np.zeros(int(lead * SAMPLE_RATE), np.float32), audio])
        if len(audio) > MAX_SECONDS * SAMPLE_RATE:
            continue
        audio = augment(audio, rng) if mode == "train" else audio
        m = log_mel(audio, filters, pad_seconds=1.0)
        used = len(audio) // 160 + 2
        mels.append(m[:, :used].T.astype(np.float16)); offsets.append(offsets[-1] + used); floors.append(float(m.min()))
        ids = tok.encode(" " + text)
        assert len(ids) == len(text.split()), text     # one token a word (words.txt is chosen so)
        tokens += ids; tok_off.append(len(tokens))
        starts += [lead + s for s in word_starts] if word_starts else [0.0] * len(ids)
        ends.append(len(audio) / SAMPLE_RATE); texts.append(text)
    np.savez(out, mel=np.concatenate(mels), offsets=np.array(offsets), floors=np.array(floors, np.float32),
             tokens=np.array(tokens, np.int32), tok_off=np.array(tok_off), starts=np.array(starts, np.float32),
             ends=np.array(ends, np.float32), texts=np.array(texts))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
