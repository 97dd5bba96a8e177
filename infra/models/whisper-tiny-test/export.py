"""Export a checkpoint as Whisper's standard ONNX layout (as Hugging Face Optimum names it).

    export.py CHECKPOINT OUT_DIR

encoder_model.onnx: input_features [B,80,3000] -> last_hidden_state [B,125,D]
decoder_model.onnx: input_ids [B,L] (Whisper ids), encoder_hidden_states -> logits [B,L,51865],
    present.{i}.decoder.key/value, present.{i}.encoder.key/value [B,heads,len,head_dim]
decoder_with_past_model.onnx: input_ids [B,1], past_key_values.{i}.{decoder,encoder}.{key,value}
    -> logits [B,1,51865], present.{i}.decoder.key/value
Ids outside the model's table get a logit of -10000. Weights are stored as float16 (a Cast to
float32 follows each), which halves the files and changes no transcript.
"""
import json
import os
import shutil
import sys
import numpy as np
import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper, helper, TensorProto

from model import WINDOW, STRIDE, MAX_TEXT, Decoder, Encoder
from tokenizer import EOT, SOT, EN, TRANSCRIBE, NO_SPEECH, NO_TIMESTAMPS, VOCAB_SIZE

HERE = os.path.dirname(os.path.abspath(__file__))
OFF_TABLE = -1.0e4


class WhisperIds(nn.Module):
    """Maps Whisper ids into the small table and small logits back out to all 51,865 ids."""

    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder
        table = decoder.token_ids.tolist()
        index = torch.full((VOCAB_SIZE,), len(table), dtype=torch.long)   # the "any other id" row
        index[torch.tensor(table)] = torch.arange(len(table))
        self.register_buffer("index", index)

    def logits(self, small):
        known = small[..., :-1]
        off = torch.full_like(small[..., -1:], OFF_TABLE)
        return torch.cat([known, off], -1).index_select(-1, self.index)


class DecoderFirst(WhisperIds):
    def forward(self, input_ids, encoder_hidden_states):
        cross = self.decoder.cross_kv(encoder_hidden_states)
        small, presents, _ = self.decoder(self.index[input_ids], cross)
        out = [self.logits(small)]
        for (k, v), (ck, cv) in zip(presents, cross):
            out += [k, v, ck, cv]
        return tuple(out)


class DecoderWithPast(WhisperIds):
    def forward(self, input_ids, *past):
        layers = len(self.decoder.blocks)
        self_kv = [(past[4 * i], past[4 * i + 1]) for i in range(layers)]
        cross = [(past[4 * i + 2], past[4 * i + 3]) for i in range(layers)]
        small, presents, _ = self.decoder(self.index[input_ids], cross, self_kv)
        out = [self.logits(small)]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def weights_to_float16(path, min_size=1024):
    """Store large float32 initializers as float16 with a Cast back to float32 in the graph."""
    model = onnx.load(path)
    graph = model.graph
    casts, keep = [], []
    for init in graph.initializer:
        if init.data_type == TensorProto.FLOAT and np.prod(init.dims) >= min_size:
            array = numpy_helper.to_array(init)
            half = numpy_helper.from_array(array.astype(np.float16), init.name + "_fp16")
            keep.append(half)
            casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT, name=init.name + "_cast"))
        else:
            keep.append(init)
    del graph.initializer[:]
    graph.initializer.extend(keep)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, path)


def load(checkpoint):
    ck = torch.load(checkpoint)
    cfg = ck["config"]
    encoder = Encoder(cfg["d"], cfg["heads"], cfg["enc_layers"])
    decoder = Decoder(cfg["d"], cfg["heads"], cfg["dec_layers"], cfg["vocab"])
    encoder.load_state_dict(ck["encoder"]); decoder.load_state_dict(ck["decoder"])
    return encoder.eval(), decoder.eval(), cfg, ck


def export(checkpoint, out):
    encoder, decoder, cfg, ck = load(checkpoint)
    os.makedirs(out, exist_ok=True)
    layers, heads, d = cfg["dec_layers"], cfg["heads"], cfg["d"]
    feats = torch.randn(1, 80, 3000)
    with torch.no_grad():
        audio = encoder(feats)
    torch.onnx.export(encoder, (feats,), f"{out}/encoder_model.onnx", input_names=["input_features"],
                      output_names=["last_hidden_state"], opset_version=17,
                      dynamic_axes={"input_features": {0: "batch_size"}, "last_hidden_state": {0: "batch_size"}})
    first = DecoderFirst(decoder).eval()
    present = [f"present.{i}.{part}.{kv}" for i in range(layers) for part in ("decoder", "encoder") for kv in ("key", "value")]
    axes = {"input_ids": {0: "batch_size", 1: "decoder_sequence_length"}, "encoder_hidden_states": {0: "batch_size", 1: "encoder_sequence_length"},
            "logits": {0: "batch_size", 1: "decoder_sequence_length"}}
    for name in present:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1" if ".decoder." in name else "encoder_sequence_length_out"}
    prompt = torch.tensor([[SOT, EN, TRANSCRIBE, NO_TIMESTAMPS]])
    torch.onnx.export(first, (prompt, audio), f"{out}/decoder_model.onnx", input_names=["input_ids", "encoder_hidden_states"],
                      output_names=["logits"] + present, dynamic_axes=axes, opset_version=17)
    with torch.no_grad():
        past = first(prompt, audio)[1:]
    with_past = DecoderWithPast(decoder).eval()
    past_names = [n.replace("present.", "past_key_values.") for n in present]
    new_present = [n for n in present if ".decoder." in n]
    axes = {"input_ids": {0: "batch_size"}, "logits": {0: "batch_size"}}
    for name in past_names:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length" if ".decoder." in name else "encoder_sequence_length_out"}
    for name in new_present:
        axes[name] = {0: "batch_size", 2: "past_decoder_sequence_length + 1"}
    torch.onnx.export(with_past, (torch.tensor([[EOT]]),) + tuple(past), f"{out}/decoder_with_past_model.onnx",
                      input_names=["input_ids"] + past_names, output_names=["logits"] + new_present, dynamic_axes=axes, opset_version=17)
    for name in ("encoder_model", "decoder_model", "decoder_with_past_model"):
        weights_to_float16(f"{out}/{name}.onnx")
    write_configs(out, cfg, ck)
    shutil.copy(os.path.join(HERE, "words.txt"), f"{out}/words.txt")


def write_configs(out, cfg, ck):
    config = {"model_type": "whisper", "architectures": ["WhisperForConditionalGeneration"], "d_model": cfg["d"],
              "encoder_layers": cfg["enc_layers"], "decoder_layers": cfg["dec_layers"],
              "encoder_attention_heads": cfg["heads"], "decoder_attention_heads": cfg["heads"],
              "encoder_ffn_dim": 4 * cfg["d"], "decoder_ffn_dim": 4 * cfg["d"], "num_mel_bins": 80, "vocab_size": VOCAB_SIZE,
              "max_source_positions": WINDOW // STRIDE, "max_target_positions": MAX_TEXT,
              "decoder_start_token_id": SOT, "eos_token_id": EOT, "bos_token_id": EOT, "pad_token_id": EOT,
              "begin_suppress_tokens": [220, EOT], "torch_dtype": "float32"}
    json.dump(config, open(f"{out}/config.json", "w"), indent=2)
    lang = {"<|en|>": EN}
    generation = {"decoder_start_token_id": SOT, "eos_token_id": EOT, "pad_token_id": EOT, "bos_token_id": EOT,
                  "is_multilingual": True, "lang_to_id": lang, "task_to_id": {"transcribe": TRANSCRIBE},
                  "no_timestamps_token_id": NO_TIMESTAMPS, "no_speech_token_id": NO_SPEECH, "max_length": MAX_TEXT,
                  "forced_decoder_ids": [[1, EN], [2, TRANSCRIBE], [3, NO_TIMESTAMPS]], "suppress_tokens": [],
                  "begin_suppress_tokens": [220, EOT], "return_timestamps": False}
    json.dump(generation, open(f"{out}/generation_config.json", "w"), indent=2)
    history = ck.get("history", [])
    manifest = {"name": "whisper-tiny-test", "family": "whisper", "description":
                "Tiny Whisper-shaped test model trained on espeak-ng speech of the words in words.txt (English only, "
                "no timestamps; hears the first 10 s of each 30 s window)",
                "files": {"encoder": "encoder_model.onnx", "decoder": "decoder_model.onnx",
                          "decoderWithPast": "decoder_with_past_model.onnx", "config": "config.json",
                          "generationConfig": "generation_config.json", "words": "words.txt"},
                "tokenizer": "whisper-multilingual",
                "languages": ["en"], "device": "cpu", "maxConcurrency": 4, "numMelBins": 80, "timestamps": False,
                "training": {"steps": ck["step"], "heldOutWer": min(h["wer"] for h in history) if history else None,
                             "script": "infra/models/whisper-tiny-test/"}}
    json.dump(manifest, open(f"{out}/manifest.json", "w"), indent=2)


if __name__ == "__main__":
    export(sys.argv[1], sys.argv[2])
