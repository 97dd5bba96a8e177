"""A tiny, randomly initialised Whisper-shaped model exported to ONNX in the Optimum layout.

Its config says max_target_positions 48 (24 sampled tokens a window) to keep tests quick.
It lets the Java ONNX plumbing (encoder, decoder, decoder with past / KV cache) be tested where
no trained weights exist: same file, input and output names and shapes as Hugging Face Optimum's
Whisper export (see /work/notes/WHISPER_CONTRACT.md), a smaller inside (d_model 32, 2 + 2
layers, 4 heads, a stride-4 encoder with 750 positions). Deterministic for a seed.

Usage: /usr/bin/python3 random_whisper.py OUT_DIR [SEED]   (needs torch and onnx)
"""
import json, math, os, sys
import torch
from torch import nn
import torch.nn.functional as F

D, HEADS, ENC_LAYERS, DEC_LAYERS, MELS, VOCAB, MAX_POS = 32, 4, 2, 2, 80, 51865, 448
HEAD_DIM = D // HEADS


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(D, D) for _ in range(4))

    def split(self, x):  # [b, t, d] -> [b, h, t, hd]
        return x.view(x.shape[0], x.shape[1], HEADS, HEAD_DIM).transpose(1, 2)

    def attend(self, q, k, v, mask=None):
        w = q @ k.transpose(-1, -2) / math.sqrt(HEAD_DIM)
        if mask is not None:
            w = w + mask
        out = torch.softmax(w, dim=-1) @ v
        return self.o(out.transpose(1, 2).reshape(q.shape[0], -1, D))


class EncoderBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.attn, self.ln2 = nn.LayerNorm(D), Attention(), nn.LayerNorm(D)
        self.mlp = nn.Sequential(nn.Linear(D, 4 * D), nn.GELU(), nn.Linear(4 * D, D))

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn.attend(self.attn.split(self.attn.q(h)), self.attn.split(self.attn.k(h)),
                                 self.attn.split(self.attn.v(h)))
        return x + self.mlp(self.ln2(x))


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(MELS, D, 3, padding=1)
        self.conv2 = nn.Conv1d(D, D, 3, stride=4, padding=1)
        self.pos = nn.Parameter(torch.randn(750, D) * 0.02)
        self.blocks = nn.ModuleList(EncoderBlock() for _ in range(ENC_LAYERS))
        self.ln = nn.LayerNorm(D)

    def forward(self, input_features):
        x = F.gelu(self.conv2(F.gelu(self.conv1(input_features)))).transpose(1, 2)
        x = x + self.pos[: x.shape[1]]
        for b in self.blocks:
            x = b(x)
        return self.ln(x)


class DecoderBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.self_attn = nn.LayerNorm(D), Attention()
        self.ln2, self.cross = nn.LayerNorm(D), Attention()
        self.ln3 = nn.LayerNorm(D)
        self.mlp = nn.Sequential(nn.Linear(D, 4 * D), nn.GELU(), nn.Linear(4 * D, D))

    def forward(self, x, past_k, past_v, enc_k, enc_v):
        h = self.ln1(x)
        a = self.self_attn
        k = torch.cat([past_k, a.split(a.k(h))], dim=2)
        v = torch.cat([past_v, a.split(a.v(h))], dim=2)
        t, total = x.shape[1], k.shape[2]
        # Causal over the new positions, all of the past visible.
        rows = torch.arange(t).unsqueeze(1) + (total - t)
        mask = (torch.arange(total).unsqueeze(0) > rows).float() * -1e9
        x = x + a.attend(a.split(a.q(h)), k, v, mask)
        c = self.cross
        x = x + c.attend(c.split(c.q(self.ln2(x))), enc_k, enc_v)
        return x + self.mlp(self.ln3(x)), k, v


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, D)
        self.pos = nn.Parameter(torch.randn(MAX_POS, D) * 0.02)
        self.blocks = nn.ModuleList(DecoderBlock() for _ in range(DEC_LAYERS))
        self.ln = nn.LayerNorm(D)

    def cross_kv(self, enc):
        return [(b.cross.split(b.cross.k(enc)), b.cross.split(b.cross.v(enc))) for b in self.blocks]

    def run(self, input_ids, past, cross):
        offset = past[0][0].shape[2]
        x = self.embed(input_ids) + self.pos[offset: offset + input_ids.shape[1]]
        presents = []
        for b, (pk, pv), (ek, ev) in zip(self.blocks, past, cross):
            x, k, v = b(x, pk, pv, ek, ev)
            presents.append((k, v))
        return self.ln(x) @ self.embed.weight.T, presents


class DecoderFirst(nn.Module):
    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, input_ids, encoder_hidden_states):
        b = input_ids.shape[0]
        empty = torch.zeros(b, HEADS, 0, HEAD_DIM)
        cross = self.dec.cross_kv(encoder_hidden_states)
        logits, presents = self.dec.run(input_ids, [(empty, empty)] * DEC_LAYERS, cross)
        out = [logits]
        for (k, v), (ek, ev) in zip(presents, cross):
            out += [k, v, ek, ev]
        return tuple(out)


class DecoderWithPast(nn.Module):
    def __init__(self, dec):
        super().__init__()
        self.dec = dec

    def forward(self, input_ids, *past):
        layers = [past[4 * i: 4 * i + 4] for i in range(DEC_LAYERS)]
        logits, presents = self.dec.run(input_ids, [(l[0], l[1]) for l in layers], [(l[2], l[3]) for l in layers])
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def main(out_dir, seed):
    torch.manual_seed(seed)
    os.makedirs(out_dir, exist_ok=True)
    enc, dec = Encoder().eval(), Decoder().eval()
    features = torch.randn(1, MELS, 3000)
    ids = torch.tensor([[50258, 50259, 50359, 50363]])
    with torch.no_grad():
        hidden = enc(features)
        torch.onnx.export(enc, (features,), f"{out_dir}/encoder_model.onnx", input_names=["input_features"],
                          output_names=["last_hidden_state"], opset_version=14,
                          dynamic_axes={"input_features": {0: "batch"}, "last_hidden_state": {0: "batch"}})
        names = []
        for i in range(DEC_LAYERS):
            names += [f"present.{i}.decoder.key", f"present.{i}.decoder.value",
                      f"present.{i}.encoder.key", f"present.{i}.encoder.value"]
        axes = {"input_ids": {0: "batch", 1: "seq"}, "encoder_hidden_states": {0: "batch", 1: "enc"},
                "logits": {0: "batch", 1: "seq"}}
        for n in names:
            axes[n] = {0: "batch", 2: "enc" if "encoder" in n else "seq"}
        torch.onnx.export(DecoderFirst(dec), (ids, hidden), f"{out_dir}/decoder_model.onnx",
                          input_names=["input_ids", "encoder_hidden_states"], output_names=["logits"] + names,
                          opset_version=14, dynamic_axes=axes)
        first = DecoderFirst(dec)(ids, hidden)
        past, in_names, out_names = [], [], ["logits"]
        axes = {"input_ids": {0: "batch"}, "logits": {0: "batch"}}
        for i in range(DEC_LAYERS):
            for j, part in enumerate(["decoder.key", "decoder.value", "encoder.key", "encoder.value"]):
                past.append(first[1 + 4 * i + j])
                in_names.append(f"past_key_values.{i}.{part}")
                axes[in_names[-1]] = {0: "batch", 2: "enc" if "encoder" in part else "past"}
            for part in ["decoder.key", "decoder.value"]:
                out_names.append(f"present.{i}.{part}")
                axes[out_names[-1]] = {0: "batch", 2: "total"}
        torch.onnx.export(DecoderWithPast(dec), (torch.tensor([[50400]]), *past),
                          f"{out_dir}/decoder_with_past_model.onnx", input_names=["input_ids"] + in_names,
                          output_names=out_names, opset_version=14, dynamic_axes=axes)
    config = {"model_type": "whisper", "d_model": D, "encoder_layers": ENC_LAYERS, "decoder_layers": DEC_LAYERS,
              "encoder_attention_heads": HEADS, "decoder_attention_heads": HEADS, "num_mel_bins": MELS,
              "vocab_size": VOCAB, "max_target_positions": 48, "max_source_positions": 750,
              "decoder_start_token_id": 50258, "eos_token_id": 50257, "pad_token_id": 50257}
    json.dump(config, open(f"{out_dir}/config.json", "w"), indent=2)
    json.dump({"is_multilingual": True, "no_timestamps_token_id": 50363, "decoder_start_token_id": 50258,
               "lang_to_id": {"<|en|>": 50259, "<|de|>": 50261},
               "task_to_id": {"transcribe": 50359, "translate": 50358}},
              open(f"{out_dir}/generation_config.json", "w"), indent=2)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 7)
