// Greedy decoding of the exported ONNX files in ONNX Runtime (Node), the way the Java runtime
// runs them: encoder once, decoder_model on the prompt, then decoder_with_past one token a step
// (or decoder_model on the whole sequence each step when WITH_PAST=0). Python's onnxruntime is
// not installed here; onnxruntime-node is (npm install --ignore-scripts onnxruntime-node).
//   NODE_PATH=/tmp/ortnode/node_modules node ort_check.js MODEL_DIR FEATURES.bin COUNT OUT.json
const fs = require("fs");
const ort = require("onnxruntime-node");
const [dir, featPath, countArg, outPath] = process.argv.slice(2);
const PROMPT = [50258, 50259, 50359, 50363], EOT = 50257, VOCAB = 51865;
const withPast = process.env.WITH_PAST !== "0";

function argmaxLast(t) {
  const [, seq, vocab] = t.dims, base = (seq - 1) * vocab;
  let best = 0;
  for (let i = 1; i < vocab; i++) if (t.data[base + i] > t.data[base + best]) best = i;
  return best;
}

(async () => {
  const enc = await ort.InferenceSession.create(`${dir}/encoder_model.onnx`);
  const dec = await ort.InferenceSession.create(`${dir}/decoder_model.onnx`);
  const past = withPast ? await ort.InferenceSession.create(`${dir}/decoder_with_past_model.onnx`) : null;
  const all = new Float32Array(fs.readFileSync(featPath).buffer.slice(0));
  const count = Number(countArg), size = 80 * 3000, results = [];
  for (let n = 0; n < count; n++) {
    const feats = new ort.Tensor("float32", all.slice(n * size, (n + 1) * size), [1, 80, 3000]);
    const audio = (await enc.run({ input_features: feats })).last_hidden_state;
    const ids = [...PROMPT];
    let out = await dec.run({ input_ids: new ort.Tensor("int64", BigInt64Array.from(ids.map(BigInt)), [1, ids.length]), encoder_hidden_states: audio });
    const firstLogits = Array.from(out.logits.data.slice((ids.length - 1) * VOCAB, ids.length * VOCAB));
    let cache = out;
    for (let step = 0; step < 24; step++) {
      const next = argmaxLast(out.logits);
      if (next === EOT) break;
      ids.push(next);
      if (withPast) {
        const feeds = { input_ids: new ort.Tensor("int64", BigInt64Array.from([BigInt(next)]), [1, 1]) };
        for (const name of past.inputNames) if (name !== "input_ids") {
          const src = name.replace("past_key_values.", "present.");
          feeds[name] = (name.includes(".encoder.") ? cache : out)[src];
        }
        out = await past.run(feeds);
      } else {
        out = await dec.run({ input_ids: new ort.Tensor("int64", BigInt64Array.from(ids.map(BigInt)), [1, ids.length]), encoder_hidden_states: audio });
      }
    }
    results.push({ ids: ids.slice(PROMPT.length), positions: audio.dims[1], firstLogits: n === 0 ? firstLogits : undefined });
  }
  fs.writeFileSync(outPath, JSON.stringify(results));
})();
