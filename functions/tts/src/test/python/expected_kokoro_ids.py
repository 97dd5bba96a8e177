#!/usr/bin/python3
"""Writes expected-ids.tsv: for each sentence, Kokoro's phonemes and token ids, computed apart
from the Java code: one espeak-ng run per piece of text between punctuation marks (the Java
phonemizer makes one run per sentence), the marks put back with their surrounding spaces,
kokoro-onnx's phoneme fixes, and config.json's vocabulary.

Run:  /usr/bin/python3 expected_kokoro_ids.py ../../../../../shared/assets/kokoro/config.json OUT.tsv
"""
import json
import re
import subprocess
import sys

SENTENCES = [
    "Hello, world!",
    "The quick brown fox jumps over the lazy dog.",
    "Kokoro speaks with a voice chosen by the style row.",
    "Is this the right answer? Yes; it is.",
    "She said “goodbye” and left (quietly).",
    "Ninety nine red balloons drifted over the river.",
    "Wait… what — really?",
]
MARKS = ';:,.!?—…"()“”'
SPLIT = re.compile(r"(\s*[" + re.escape(MARKS) + r"][" + re.escape(MARKS) + r"\s]*)")


def ipa(text):
    out = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "-v", "en-us", text], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def phonemes(sentence, vocab):
    parts = SPLIT.split(sentence)
    said = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            said.append(ipa(part) if part.strip() else "")
        else:
            said.append(re.sub(r"\s+", " ", part))
    ps = "".join(said)
    ps = ps.replace("kəkˈoːɹoʊ", "kˈoʊkəɹoʊ").replace("kəkˈɔːɹəʊ", "kˈəʊkəɹəʊ")
    ps = ps.replace("ʲ", "j").replace("r", "ɹ").replace("x", "k").replace("ɬ", "l")
    ps = re.sub(r"(?<=[a-zɹː])(?=hˈʌndɹɪd)", " ", ps)
    ps = re.sub(r' z(?=[;:,.!?¡¿—…"«»“” ]|$)', "z", ps)
    ps = re.sub(r"(?<=nˈaɪn)ti(?!ː)", "di", ps)
    ps = "".join(p for p in ps if p in vocab)
    return re.sub(r" {2,}", " ", ps).strip()


if __name__ == "__main__":
    vocab = json.load(open(sys.argv[1]))["vocab"]
    with open(sys.argv[2], "w") as out:
        out.write("sentence\tphonemes\tids\n")
        for sentence in SENTENCES:
            ps = phonemes(sentence, vocab)
            out.write(f"{sentence}\t{ps}\t{' '.join(str(vocab[p]) for p in ps)}\n")
