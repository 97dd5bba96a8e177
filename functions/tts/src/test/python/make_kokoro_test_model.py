#!/usr/bin/python3
"""Writes kokoro-test.onnx: a tiny graph with Kokoro-82M's interface (hexgrad/kokoro export.py).

Inputs:  input_ids int64 [1, n+2] (0-padded at both ends), style float32 [1, 256], speed float32 [1]
Outputs: waveform float32 [samples] at 24 kHz, duration int64 [1, n+2] (frames per token)

Like the real model it looks every id up in a 178-row table (an id outside the vocabulary fails),
and its audio lasts SAMPLES_PER_TOKEN / speed samples per input token: a 220 Hz tone whose
amplitude is the mean magnitude of the style row, so a test can tell which row was passed.

Run with Debian's python3 and python3-onnx:  /usr/bin/python3 make_kokoro_test_model.py OUT.onnx
"""
import math
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SAMPLES_PER_TOKEN = 1200  # 50 ms at 24 kHz
FRAME = 600  # samples per duration frame
N_TOKEN = 178


def const(name, array):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(array), name))


def build():
    nodes = [
        const("table", np.ones(N_TOKEN, dtype=np.float32)),
        const("per_token", np.array(SAMPLES_PER_TOKEN, dtype=np.float32)),
        const("zero", np.array(0.0, dtype=np.float32)),
        const("one", np.array(1.0, dtype=np.float32)),
        const("omega", np.array(2 * math.pi * 220 / 24000, dtype=np.float32)),
        const("frames_per_token", np.array(SAMPLES_PER_TOKEN / FRAME, dtype=np.float32)),
        const("axis0", np.array([0], dtype=np.int64)),
        helper.make_node("Gather", ["table", "input_ids"], ["looked_up"], axis=0),
        helper.make_node("ReduceSum", ["looked_up"], ["n"], keepdims=0),
        helper.make_node("Mul", ["n", "per_token"], ["samples_at_1"]),
        helper.make_node("Div", ["samples_at_1", "speed"], ["samples_1d"]),
        helper.make_node("Floor", ["samples_1d"], ["samples_floor"]),
        helper.make_node("Squeeze", ["samples_floor", "axis0"], ["samples"]),
        helper.make_node("Range", ["zero", "samples", "one"], ["index"]),
        helper.make_node("Mul", ["index", "omega"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["tone"]),
        helper.make_node("Abs", ["style"], ["style_abs"]),
        helper.make_node("ReduceMean", ["style_abs"], ["amplitude"], keepdims=0),
        helper.make_node("Mul", ["tone", "amplitude"], ["waveform"]),
        helper.make_node("Mul", ["looked_up", "frames_per_token"], ["frames_at_1"]),
        helper.make_node("Div", ["frames_at_1", "speed"], ["frames"]),
        helper.make_node("Round", ["frames"], ["frames_round"]),
        helper.make_node("Cast", ["frames_round"], ["duration"], to=TensorProto.INT64),
    ]
    graph = helper.make_graph(
        nodes,
        "kokoro-test",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, "sequence"]),
            helper.make_tensor_value_info("style", TensorProto.FLOAT, [1, 256]),
            helper.make_tensor_value_info("speed", TensorProto.FLOAT, [1]),
        ],
        [
            helper.make_tensor_value_info("waveform", TensorProto.FLOAT, ["samples"]),
            helper.make_tensor_value_info("duration", TensorProto.INT64, [1, "sequence"]),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="mana-tts-tests")
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=True)
    return model


if __name__ == "__main__":
    onnx.save(build(), sys.argv[1] if len(sys.argv) > 1 else "kokoro-test.onnx")
