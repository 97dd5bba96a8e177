package dev.mana.stt.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens ONNX Runtime sessions. On {@link Device#GPU} it asks for the CUDA execution provider
 * (present in the onnxruntime_gpu build the GPU image ships); where CUDA cannot be had it falls
 * back to the CPU and says so once in the log, so the same worker code runs everywhere.
 */
public final class OnnxSessions {

    private static final Logger LOG = Logger.getLogger(OnnxSessions.class.getName());

    private OnnxSessions() {}

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** A session over {@code file}; {@code intraOpThreads} 0 lets ONNX Runtime choose. */
    public static OrtSession open(Path file, Device device, int intraOpThreads) throws OrtException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file not found: " + file);
        }
        if (device == Device.GPU) {
            try (OrtSession.SessionOptions options = options(intraOpThreads)) {
                options.addCUDA(0);
                return environment().createSession(file.toString(), options);
            } catch (OrtException | UnsatisfiedLinkError e) {
                LOG.log(
                        Level.WARNING,
                        "CUDA execution provider unavailable, running " + file.getFileName() + " on CPU: "
                                + e.getMessage());
            }
        }
        try (OrtSession.SessionOptions options = options(intraOpThreads)) {
            return environment().createSession(file.toString(), options);
        }
    }

    private static OrtSession.SessionOptions options(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        return options;
    }
}
