"""Train the tiny Whisper-shaped model on the espeak-ng shards (CPU, 2 threads).

    train.py --data '/tmp/stt/train_*.npz' --eval /tmp/stt/eval.npz --out run/ [--limit 16] [--minutes 60]

Loss: cross-entropy of the next token (over the model's small token table), plus two aids that
make the alignment learnable in minutes on a CPU, both from espeak-ng's word times: a per-position
word label on the encoder output (which word, or none, each 80 ms position hears), and a guided
attention term that pulls each decoder position's cross-attention (mean over heads) onto the
positions of the word it must write next. (CTC in place of the position labels stayed at chance
for 250 steps.)
Every --eval-every steps: greedy decoding of the held-out set, word error rate, a checkpoint.
"""
import argparse
import glob
import json
import math
import os
import time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from model import SECONDS_PER_POSITION, STRIDE, WINDOW, Decoder, Encoder, small_vocabulary
from tokenizer import EOT, PROMPT

torch.set_num_threads(2)
# Debian's torch 1.13 computes wrong (often huge or infinite) weight gradients for these Conv1d
# layers through oneDNN (mkldnn): the gradient of a sum of losses is not the sum of the gradients.
# The native kernels are right; see README.md.
torch.backends.mkldnn.enabled = False


def load(paths):
    items = []
    for path in paths:
        d = dict(np.load(path))
        for i in range(len(d["floors"])):
            a, b = d["tok_off"][i], d["tok_off"][i + 1]
            items.append(dict(mel=d["mel"][d["offsets"][i]:d["offsets"][i + 1]], floor=float(d["floors"][i]),
                              tokens=d["tokens"][a:b].tolist(), starts=d["starts"][a:b].tolist(),
                              end=float(d["ends"][i]), text=str(d["texts"][i])))
    return items


def features(items, frames, augment=False, rng=None):
    x = torch.empty(len(items), 80, frames)
    for j, it in enumerate(items):
        m = torch.full((80, frames), it["floor"])
        used = min(len(it["mel"]), frames)
        m[:, :used] = torch.from_numpy(it["mel"][:used].T.astype(np.float32))
        if augment:   # SpecAugment-style masks
            for _ in range(2):
                f0 = rng.integers(0, 72); m[f0:f0 + rng.integers(0, 8)] = it["floor"]
            for _ in range(2):
                t0 = rng.integers(0, used); m[:, t0:t0 + rng.integers(0, 5)] = it["floor"]
        x[j] = m
    return x


class Batcher:
    def __init__(self, vocab, words):
        self.small = {tid: i for i, tid in enumerate(vocab)}
        self.word_class = {tid: i + 1 for i, tid in enumerate(words)}   # CTC: 0 is blank

    def targets(self, items, positions):
        seqs = [[self.small[t] for t in PROMPT + it["tokens"] + [EOT]] for it in items]
        length = max(map(len, seqs)) - 1
        inp = torch.full((len(items), length), self.small[EOT], dtype=torch.long)
        tgt = torch.full((len(items), length), -100, dtype=torch.long)
        guide = torch.zeros(len(items), length, positions, dtype=torch.bool)
        for j, (s, it) in enumerate(zip(seqs, items)):
            inp[j, :len(s) - 1] = torch.tensor(s[:-1]); tgt[j, :len(s) - 1] = torch.tensor(s[1:])
            bounds = it["starts"] + [it["end"]]
            for k in range(len(it["tokens"]) + 1):   # position predicting word k (or the end)
                lo = bounds[min(k, len(it["tokens"]) - 1)] if k < len(it["tokens"]) else bounds[-2]
                hi = bounds[k + 1] if k < len(it["tokens"]) else bounds[-1] + 0.5
                a = max(0, int(lo / SECONDS_PER_POSITION) - 1); b = min(positions, int(math.ceil(hi / SECONDS_PER_POSITION)) + 1)
                guide[j, len(PROMPT) - 1 + k, a:b] = True
        frames = torch.full((len(items), positions), -100, dtype=torch.long)   # word (1..n) or 0 for none, per position
        for j, it in enumerate(items):
            centres = (torch.arange(positions) + 0.5) * SECONDS_PER_POSITION
            frames[j][centres < it["end"]] = 0
            for k, t in enumerate(it["tokens"]):
                hi = it["starts"][k + 1] if k + 1 < len(it["tokens"]) else it["end"]
                frames[j][(centres >= it["starts"][k]) & (centres < hi)] = self.word_class[t]
        return inp, tgt, guide, frames


def greedy(encoder, decoder, feats, vocab_t, max_len=24):
    """Greedy decoding the way the runtime does it (the prompt, then one token at a time)."""
    with torch.no_grad():
        audio = encoder(feats); cross = decoder.cross_kv(audio)
        small_of = {int(t): i for i, t in enumerate(vocab_t)}
        ids = torch.tensor([[small_of[t] for t in PROMPT]] * feats.shape[0])
        logits, past, _ = decoder(ids, cross)
        out = [[] for _ in range(feats.shape[0])]; done = [False] * feats.shape[0]
        for _ in range(max_len):
            nxt = logits[:, -1, :-1].argmax(-1)
            for j, n in enumerate(nxt.tolist()):
                if not done[j]:
                    if vocab_t[n] == EOT: done[j] = True
                    else: out[j].append(int(vocab_t[n]))
            if all(done): break
            logits, past, _ = decoder(nxt[:, None], cross, past)
    return out


def wer(refs, hyps):
    errors = words = 0
    for r, h in zip(refs, hyps):
        r, h = r.split(), h.split(); words += len(r)
        d = list(range(len(h) + 1))
        for i in range(1, len(r) + 1):
            prev, d[0] = d[0], i
            for j in range(1, len(h) + 1):
                prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r[i - 1] != h[j - 1]))
        errors += d[len(h)]
    return errors / max(words, 1)


def evaluate(encoder, decoder, items, tok, full=True):
    encoder.eval(); decoder.eval(); hyps = []
    for i in range(0, len(items), 32):
        feats = features(items[i:i + 32], 3000 if full else WINDOW)
        hyps += [tok.decode(ids).strip() for ids in greedy(encoder, decoder, feats, decoder.token_ids.tolist())]
    encoder.train(); decoder.train()
    refs = [it["text"] for it in items]
    return wer(refs, hyps), list(zip(refs, hyps))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True); p.add_argument("--eval"); p.add_argument("--out", required=True)
    p.add_argument("--limit", type=int, default=0); p.add_argument("--minutes", type=float, default=60)
    p.add_argument("--steps", type=int, default=100000); p.add_argument("--batch", type=int, default=24)
    p.add_argument("--lr", type=float, default=1e-3); p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--d", type=int, default=192); p.add_argument("--heads", type=int, default=4)
    p.add_argument("--enc-layers", type=int, default=3); p.add_argument("--dec-layers", type=int, default=2)
    p.add_argument("--frames", type=float, default=1.0); p.add_argument("--guide", type=float, default=1.0)
    p.add_argument("--eval-every", type=int, default=200); p.add_argument("--eval-limit", type=int, default=0); p.add_argument("--resume")
    p.add_argument("--assets", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../shared/assets/whisper"))
    args = p.parse_args()
    from tokenizer import Tokenizer
    tok = Tokenizer(f"{args.assets}/multilingual.tiktoken")
    words = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "words.txt")).read().split()
    word_ids = [tok.encode(" " + w)[0] for w in words]
    vocab = small_vocabulary(word_ids)
    torch.manual_seed(0); rng = np.random.default_rng(0)
    train = load(sorted(glob.glob(args.data)))
    if args.limit:
        train = train[:args.limit]
    held = load([args.eval]) if args.eval else train[:32]
    held = held[:args.eval_limit] if args.eval_limit else held
    if args.limit:
        held = train
    print(f"{len(train)} training, {len(held)} evaluation utterances", flush=True)
    cfg = dict(d=args.d, heads=args.heads, enc_layers=args.enc_layers, dec_layers=args.dec_layers, vocab=vocab, words=words)
    encoder = Encoder(args.d, args.heads, args.enc_layers)
    decoder = Decoder(args.d, args.heads, args.dec_layers, vocab)
    frame_head = nn.Linear(args.d, len(words) + 1)
    start_step = 0
    if args.resume:
        ck = torch.load(args.resume)
        encoder.load_state_dict(ck["encoder"]); decoder.load_state_dict(ck["decoder"]); frame_head.load_state_dict(ck["frames"])
        start_step = ck["step"]
    params = list(encoder.parameters()) + list(decoder.parameters()) + list(frame_head.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    t0 = time.time(); budget = args.minutes * 60
    def lr_factor(step):
        progress = min(1.0, (time.time() - t0) / budget)
        return min(1.0, (step + 1) / args.warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * progress)))
    batcher = Batcher(vocab, word_ids)
    os.makedirs(args.out, exist_ok=True)
    history, best = [], None
    avg, skipped = None, 0
    for step in range(start_step, args.steps):
        if time.time() - t0 > budget:
            break
        for g in opt.param_groups:
            g["lr"] = args.lr * lr_factor(step - start_step)
        batch = [train[i] for i in rng.integers(0, len(train), min(args.batch, len(train)))]
        longest = max(len(it["mel"]) for it in batch)
        frames = min(WINDOW, int(math.ceil((longest + rng.integers(0, 120)) / STRIDE)) * STRIDE)
        feats = features(batch, frames, augment=not args.limit, rng=rng)
        audio = encoder(feats)
        positions = audio.shape[1]
        inp, tgt, guide, frame_targets = batcher.targets(batch, positions)
        logits, _, weights = decoder(inp, decoder.cross_kv(audio))
        ce = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1), ignore_index=-100)
        rows = guide.any(-1)
        ga = torch.stack([-(torch.log((w.mean(1) * guide).sum(-1) + 1e-6) * rows).sum() / rows.sum() for w in weights]).mean()
        frame_loss = F.cross_entropy(frame_head(audio).reshape(-1, len(words) + 1), frame_targets.reshape(-1), ignore_index=-100)
        loss = ce + args.frames * frame_loss + args.guide * ga
        opt.zero_grad()
        if not torch.isfinite(loss):
            skipped += 1; continue
        loss.backward()
        if not torch.isfinite(torch.nn.utils.clip_grad_norm_(params, 1.0)):   # never let one bad batch poison the weights
            skipped += 1; continue
        opt.step()
        cur = [ce.item(), frame_loss.item(), ga.item()]
        avg = cur if avg is None else [0.95 * a + 0.05 * c for a, c in zip(avg, cur)]
        if step % 20 == 0:
            print(f"step {step} t {time.time() - t0:.0f}s ce {avg[0]:.3f} frames {avg[1]:.3f} guide {avg[2]:.3f} lr {opt.param_groups[0]['lr']:.2e} skipped {skipped}", flush=True)
        last = step + 1 >= args.steps or time.time() - t0 > budget
        if (step + 1) % args.eval_every == 0 or last:
            score, pairs = evaluate(encoder, decoder, held, tok)
            history.append(dict(step=step + 1, seconds=round(time.time() - t0), ce=round(avg[0], 4), frames=round(avg[1], 4),
                                guide=round(avg[2], 4), wer=round(score, 4)))
            print(f"EVAL step {step + 1} wer {score:.4f} examples {pairs[:3]}", flush=True)
            ck = dict(encoder=encoder.state_dict(), decoder=decoder.state_dict(), frames=frame_head.state_dict(), step=step + 1, config=cfg,
                      history=history)
            torch.save(ck, f"{args.out}/last.pt")
            if best is None or score <= best:
                best = score; torch.save(ck, f"{args.out}/best.pt")
            json.dump(history, open(f"{args.out}/history.json", "w"), indent=1)


if __name__ == "__main__":
    main()
