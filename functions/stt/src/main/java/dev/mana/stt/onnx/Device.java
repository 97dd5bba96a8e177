package dev.mana.stt.onnx;

/** Where a model runs: the CPU, or a CUDA GPU (falling back to the CPU where none is usable). */
public enum Device {
    CPU,
    GPU;

    public static Device fromId(String id) {
        return "gpu".equalsIgnoreCase(id) || "cuda".equalsIgnoreCase(id) ? GPU : CPU;
    }
}
