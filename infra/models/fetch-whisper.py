#!/usr/bin/env python3
"""Fetch real Whisper ONNX weights and publish them as a Mana STT model (run by an operator WITH
internet; never at build or test time).

Downloads the standard Optimum/onnx-community layout of a Whisper export from the Hugging Face
Hub (encoder_model.onnx, decoder_model.onnx, decoder_with_past_model.onnx, their external-data
files when the export has them, config.json, generation_config.json), adds Whisper's
mel_filters.npz and multilingual.tiktoken from openai/whisper, writes manifest.json, and uploads
the folder to s3://BUCKET/PREFIX/NAME/ where the STT function and workers read models
(STT_MODELS_S3). Only the Python standard library and the AWS CLI are needed.

Usage:
  infra/models/fetch-whisper.py --out /tmp/models [--repo onnx-community/whisper-large-v3-turbo]
      [--name whisper-large-v3-turbo] [--variant ""|_fp16|_quantized] [--device cpu|gpu]
      [--price-per-minute 2] [--max-concurrency 2] [--s3 s3://my-data-bucket/models/stt]
"""
import argparse, json, os, subprocess, sys, urllib.error, urllib.request

HUB = "https://huggingface.co/{repo}/resolve/{rev}/{path}"
WHISPER_ASSETS = "https://raw.githubusercontent.com/openai/whisper/main/whisper/assets/{name}"
ONNX_FILES = ["encoder_model", "decoder_model", "decoder_with_past_model"]
LANGS = ("en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr "
         "bg lt la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn "
         "yo so af oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su "
         "yue").split()


def fetch(url, dest, required=True):
    if os.path.exists(dest) and os.path.getsize(dest) > 0:
        print(f"have {dest}")
        return True
    print(f"get  {url}")
    try:
        with urllib.request.urlopen(url) as r, open(dest + ".part", "wb") as f:
            while chunk := r.read(1 << 20):
                f.write(chunk)
    except urllib.error.HTTPError as e:
        if e.code == 404 and not required:
            return False
        raise
    os.replace(dest + ".part", dest)
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repo", default="onnx-community/whisper-large-v3-turbo")
    p.add_argument("--revision", default="main")
    p.add_argument("--name", default=None, help="model id clients pass (default: the repo's name)")
    p.add_argument("--variant", default="", help='file suffix: "" (fp32), "_fp16", "_quantized", ...')
    p.add_argument("--device", default="cpu", choices=["cpu", "gpu"])
    p.add_argument("--price-per-minute", type=int, default=2)
    p.add_argument("--max-concurrency", type=int, default=2)
    p.add_argument("--out", required=True)
    p.add_argument("--s3", default=None, help="s3://bucket/prefix to upload to (aws CLI)")
    a = p.parse_args()
    name = a.name or a.repo.split("/")[-1]
    out = os.path.join(a.out, name)
    os.makedirs(out, exist_ok=True)
    get = lambda path, required=True: fetch(HUB.format(repo=a.repo, rev=a.revision, path=path),
                                            os.path.join(out, os.path.basename(path)), required)
    files = {}
    for base, role in zip(ONNX_FILES, ["encoder", "decoder", "decoderWithPast"]):
        remote = f"onnx/{base}{a.variant}.onnx"
        if not get(remote, required=role != "decoderWithPast"):
            continue
        local = os.path.join(out, f"{base}{a.variant}.onnx")
        # The runtime opens the standard names; external data keeps its exported name beside it.
        os.replace(local, os.path.join(out, f"{base}.onnx"))
        files[role] = f"{base}.onnx"
        get(f"onnx/{base}{a.variant}.onnx_data", required=False)
    for meta in ["config.json", "generation_config.json"]:
        get(meta)
    for asset in ["mel_filters.npz", "multilingual.tiktoken"]:
        fetch(WHISPER_ASSETS.format(name=asset), os.path.join(out, asset))
    config = json.load(open(os.path.join(out, "config.json")))
    languages = LANGS[: config["vocab_size"] - 50257 - 2 - 6 - 1501]
    manifest = {
        "name": name, "family": "whisper",
        "description": f"{a.repo}@{a.revision} (ONNX{a.variant or ' fp32'})",
        "files": {**files, "config": "config.json", "generationConfig": "generation_config.json",
                  "melFilters": "mel_filters.npz", "tokenizer": "multilingual.tiktoken"},
        "languages": languages, "device": a.device, "maxConcurrency": a.max_concurrency,
        "pricePerMinute": a.price_per_minute, "timestamps": True, "maxWindowSeconds": 30,
    }
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=2)
    print(f"wrote {out}/manifest.json ({len(languages)} languages, {config['num_mel_bins']} mel bins)")
    if a.s3:
        dest = a.s3.rstrip("/") + "/" + name + "/"
        subprocess.run(["aws", "s3", "sync", out, dest, "--exclude", "*.part"], check=True)
        print(f"uploaded to {dest}; set STT_MODELS_S3={a.s3.rstrip('/')} on the STT function and workers")


if __name__ == "__main__":
    sys.exit(main())
