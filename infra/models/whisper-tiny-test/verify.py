"""Check an exported model directory against the PyTorch checkpoint it came from.

    verify.py CHECKPOINT MODEL_DIR EVAL.npz [COUNT]

onnx.checker on the three graphs; greedy transcripts and word error rate of the held-out set in
PyTorch (fp32, on the full [80, 3000] features); then, where onnxruntime-node is found
(ORT_NODE_MODULES, default /tmp/ortnode/node_modules), the same decoding in ONNX Runtime through
decoder_with_past and decoder_model, the largest logit difference, and their word error rates.
"""
import json
import os
import subprocess
import sys
import numpy as np
import onnx
import torch

from export import load
from tokenizer import PROMPT, Tokenizer
from train import evaluate, features, load as load_items, wer

HERE = os.path.dirname(os.path.abspath(__file__))


def main(checkpoint, model_dir, eval_path, count=300):
    for name in ("encoder_model", "decoder_model", "decoder_with_past_model"):
        onnx.checker.check_model(onnx.load(f"{model_dir}/{name}.onnx"))
    encoder, decoder, cfg, _ = load(checkpoint)
    tok = Tokenizer(os.path.join(HERE, "../../../../shared/assets/whisper/multilingual.tiktoken"))
    items = load_items([eval_path])[:count]
    refs = [it["text"] for it in items]
    torch_wer, pairs = evaluate(encoder, decoder, items, tok)
    report = {"items": len(items), "words": sum(len(r.split()) for r in refs), "wer_torch": round(torch_wer, 4),
              "errors_torch": [p for p in pairs if p[0] != p[1]][:10]}
    modules = os.environ.get("ORT_NODE_MODULES", "/tmp/ortnode/node_modules")
    if os.path.isdir(modules):
        feats = features(items, 3000).numpy().astype(np.float32)
        feats.tofile("/tmp/verify_features.bin")
        with torch.no_grad():
            from export import DecoderFirst
            audio = encoder(torch.from_numpy(feats[:1]))
            torch_first = DecoderFirst(decoder)(torch.tensor([PROMPT]), audio)[0][0, -1].numpy()
        for with_past in ("1", "0"):
            subprocess.run(["node", os.path.join(HERE, "ort_check.js"), model_dir, "/tmp/verify_features.bin", str(len(items)),
                            "/tmp/verify_ort.json"], check=True, env=dict(os.environ, NODE_PATH=modules, WITH_PAST=with_past))
            results = json.load(open("/tmp/verify_ort.json"))
            hyps = [tok.decode(r["ids"]).strip() for r in results]
            report[f"wer_onnxruntime_with_past_{with_past}"] = round(wer(refs, hyps), 4)
            report[f"same_as_torch_with_past_{with_past}"] = sum(h == t for h, (_, t) in zip(hyps, pairs))
            report["max_abs_logit_diff_first_step"] = float(np.abs(np.array(results[0]["firstLogits"]) - torch_first).max())
            report["encoder_positions"] = results[0]["positions"]
    report["sizes"] = {f: os.path.getsize(f"{model_dir}/{f}") for f in sorted(os.listdir(model_dir))}
    print(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 300)
