"""Whisper's multilingual tokenizer: byte-level BPE over the .tiktoken rank file plus the special
tokens Whisper appends after the 50,257 base ranks (tiktoken is not installed for Debian's Python).
Enough for lower-case English words; decoding maps ids back to text."""
import base64
import re

SPLIT = re.compile(r" ?[a-z]+| ?[0-9]+| ?[^\sa-z0-9]+|\s+")
EOT, SOT, EN = 50257, 50258, 50259
TRANSCRIBE, NO_SPEECH, NO_TIMESTAMPS = 50359, 50362, 50363
PROMPT = [SOT, EN, TRANSCRIBE, NO_TIMESTAMPS]
VOCAB_SIZE = 51865


class Tokenizer:
    def __init__(self, tiktoken_path):
        self.ranks = {}
        with open(tiktoken_path, "rb") as f:
            for line in f:
                token, rank = line.split()
                self.ranks[base64.b64decode(token)] = int(rank)
        self.bytes_of = {rank: token for token, rank in self.ranks.items()}

    def _merge(self, piece):
        parts = [bytes([b]) for b in piece]
        while len(parts) > 1:
            ranked = [(self.ranks.get(parts[i] + parts[i + 1], 1 << 30), i) for i in range(len(parts) - 1)]
            rank, i = min(ranked)
            if rank == 1 << 30:
                break
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        return [self.ranks[p] for p in parts]

    def encode(self, text):
        return [t for piece in SPLIT.findall(text) for t in self._merge(piece.encode())]

    def decode(self, ids):
        return b"".join(self.bytes_of.get(i, b"") for i in ids).decode("utf-8", "replace")
