package dev.mana.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs inside the fresh JVM {@link ColdStart} launches, with only the function's deployment jar
 * and this class on the class path: builds the handler, answers one event, prints
 * {@code initMs firstAnswerMs status-line}, both measured from the JVM process's start.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        Instant processStart = ProcessHandle.current().info().startInstant().orElseThrow();
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        Class<?> type = Class.forName(args[1].split("::")[0]);
        Object invoker = type.getConstructor().newInstance();
        long initMs = Duration.between(processStart, Instant.now()).toMillis();
        var output = new ByteArrayOutputStream();
        Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        type.getMethod("handleRequest", InputStream.class, OutputStream.class, context)
                .invoke(invoker, new ByteArrayInputStream(event), output, null);
        long answerMs = Duration.between(processStart, Instant.now()).toMillis();
        String response = output.toString(java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("COLDSTART " + initMs + " " + answerMs + " "
                + response.replaceAll("\\s+", " ").substring(0, Math.min(80, response.length())));
    }
}
