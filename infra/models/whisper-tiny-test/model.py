"""A tiny Whisper-shaped model: Whisper's conv stem, sinusoidal encoder positions, pre-LN blocks,
learned decoder positions and a tied token table, with two cheap changes so it trains on 2 CPU
cores: the encoder hears the first WINDOW frames (10 s) of the 3000 and two more stride-2
convolutions bring them to 125 positions (80 ms each); the token table holds only the ids this
model uses (prompt, end of text and one token per word), mapped to and from Whisper's 51,865 ids
at export so that the ONNX graphs take and give real Whisper token ids.
"""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

from tokenizer import EOT, PROMPT

WINDOW, STRIDE, MAX_TEXT = 1000, 8, 448
SECONDS_PER_POSITION = STRIDE * 0.01


def sinusoids(length, channels, max_timescale=10000):
    increment = math.log(max_timescale) / (channels // 2 - 1)
    scaled = torch.arange(length)[:, None] * torch.exp(-increment * torch.arange(channels // 2))[None, :]
    return torch.cat([torch.sin(scaled), torch.cos(scaled)], dim=1)


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads, self.head_dim = heads, d // heads
        self.q, self.k, self.v, self.o = nn.Linear(d, d), nn.Linear(d, d, bias=False), nn.Linear(d, d), nn.Linear(d, d)

    def _split(self, x):
        return x.view(x.shape[0], x.shape[1], self.heads, self.head_dim).transpose(1, 2)

    def keys_values(self, source):
        return self._split(self.k(source)), self._split(self.v(source))

    def attend(self, x, k, v, causal=False):
        q = self._split(self.q(x))
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(self.head_dim)
        if causal:   # query i (after the cached positions) sees keys up to its own position
            length, total = scores.shape[-2], scores.shape[-1]
            query_pos = torch.arange(length) + (total - length)
            scores = scores.masked_fill(torch.arange(total)[None, :] > query_pos[:, None], float("-inf"))
        weights = scores.softmax(-1)
        out = (weights @ v).transpose(1, 2)
        return self.o(out.reshape(out.shape[0], out.shape[1], -1)), weights


def mlp(d):
    return nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))


class EncoderBlock(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.ln1, self.attn, self.ln2, self.mlp = nn.LayerNorm(d), Attention(d, heads), nn.LayerNorm(d), mlp(d)

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn.attend(h, *self.attn.keys_values(h))[0]
        return x + self.mlp(self.ln2(x))


class Encoder(nn.Module):
    def __init__(self, d, heads, layers, mels=80):
        super().__init__()
        self.conv1, self.conv2 = nn.Conv1d(mels, d, 3, padding=1), nn.Conv1d(d, d, 3, stride=2, padding=1)
        self.conv3, self.conv4 = nn.Conv1d(d, d, 3, stride=2, padding=1), nn.Conv1d(d, d, 3, stride=2, padding=1)
        self.register_buffer("pos", sinusoids(WINDOW // STRIDE, d))
        self.blocks, self.ln = nn.ModuleList(EncoderBlock(d, heads) for _ in range(layers)), nn.LayerNorm(d)

    def forward(self, input_features):
        x = input_features[:, :, :WINDOW]
        for conv in (self.conv1, self.conv2, self.conv3, self.conv4):
            x = F.gelu(conv(x))
        x = x.transpose(1, 2)
        x = x + self.pos[: x.shape[1]]
        for block in self.blocks:
            x = block(x)
        return self.ln(x)


class DecoderBlock(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.ln1, self.attn, self.lnx, self.xattn = nn.LayerNorm(d), Attention(d, heads), nn.LayerNorm(d), Attention(d, heads)
        self.ln2, self.mlp = nn.LayerNorm(d), mlp(d)

    def forward(self, x, past, cross):
        """past: (key, value) of earlier positions or None; cross: (key, value) of the audio."""
        h = self.ln1(x)
        k, v = self.attn.keys_values(h)
        if past is not None:
            k, v = torch.cat([past[0], k], 2), torch.cat([past[1], v], 2)
        x = x + self.attn.attend(h, k, v, causal=True)[0]
        out, weights = self.xattn.attend(self.lnx(x), *cross)
        x = x + out
        return x + self.mlp(self.ln2(x)), (k, v), weights


class Decoder(nn.Module):
    def __init__(self, d, heads, layers, token_ids):
        super().__init__()
        self.register_buffer("token_ids", torch.tensor(token_ids))   # small index -> Whisper id
        self.tok = nn.Embedding(len(token_ids) + 1, d)               # last row: any other id
        nn.init.normal_(self.tok.weight, std=0.02)
        self.pos = nn.Parameter(torch.randn(MAX_TEXT, d) * 0.01)
        self.blocks, self.ln = nn.ModuleList(DecoderBlock(d, heads) for _ in range(layers)), nn.LayerNorm(d)

    def cross_kv(self, audio):
        return [b.xattn.keys_values(audio) for b in self.blocks]

    def forward(self, small_ids, cross, past=None):
        """Logits over the small table; also each layer's self (key, value) and cross weights."""
        offset = 0 if past is None else past[0][0].shape[2]
        x = self.tok(small_ids) + self.pos[offset: offset + small_ids.shape[1]]
        presents, weights = [], []
        for i, block in enumerate(self.blocks):
            x, kv, w = block(x, None if past is None else past[i], cross[i])
            presents.append(kv); weights.append(w)
        return self.ln(x) @ self.tok.weight.T, presents, weights


def small_vocabulary(word_token_ids):
    """The ids the model knows: end of text, the prompt, then one token per word."""
    return [EOT] + PROMPT + list(word_token_ids)
