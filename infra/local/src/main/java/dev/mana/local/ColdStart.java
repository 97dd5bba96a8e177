package dev.mana.local;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code infra/local/cold-start FUNCTION EVENT.json [RUNS] [JVM options...]}: a function's cold
 * start, measured. Each run is a fresh JVM with the function's jar and its template.yaml
 * environment (real variables, as Lambda sets them) that builds the handler and answers the
 * event; prints the median init and first-answer milliseconds.
 */
public final class ColdStart {
    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: infra/local/cold-start FUNCTION EVENT.json [RUNS] [JVM options...]");
            System.exit(2);
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> jvmOptions = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        var stack = EmulatedStack.create(LocalApi.STACK, AwsEmulator.endpoint(), Template.load());
        String function = LocalFunctions.logicalId(stack.template(), args[0]);
        Path jar = RepoPaths.root().resolve(stack.template().function(function).codeUri());
        String handler = stack.template().function(function).handler();
        String probeClasses = Path.of(ColdStartProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        var inits = new ArrayList<Long>();
        var answers = new ArrayList<Long>();
        for (int i = 0; i < runs; i++) {
            var command = new ArrayList<String>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp", jar + File.pathSeparator + probeClasses, ColdStartProbe.class.getName(), args[1], handler));
            var process = new ProcessBuilder(command).redirectErrorStream(true);
            process.environment().putAll(stack.environment(function));
            Process child = process.start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.waitFor();
            String line = out.lines()
                    .filter(l -> l.startsWith("COLDSTART "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run failed:\n" + out));
            String[] parts = line.split(" ", 4);
            inits.add(Long.parseLong(parts[1]));
            answers.add(Long.parseLong(parts[2]));
            System.err.println(
                    "run " + (i + 1) + ": init " + parts[1] + " ms, first answer " + parts[2] + " ms  " + parts[3]);
        }
        System.out.printf(
                "%s %s: median init %d ms, median first answer %d ms over %d fresh JVMs (%s)%n",
                function,
                Path.of(args[1]).getFileName(),
                median(inits),
                median(answers),
                runs,
                Runtime.version() + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)));
        System.exit(0);
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
