package dev.mana.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The sample events of {@code events/} and the status each must answer
 * ({@code events/expected-status.properties}): what a function's own tests and infra/local's
 * EventsIT run, so the files users pass to {@code infra/local/invoke} keep working.
 */
public final class SampleEvents {
    /** Runs one event file; returns the raw proxy response. */
    @FunctionalInterface
    public interface Invoker {
        byte[] invoke(Path event) throws Exception;
    }

    private SampleEvents() {}

    public static Properties expectedStatuses() {
        var expected = new Properties();
        try (Reader reader = Files.newBufferedReader(RepoPaths.events().resolve("expected-status.properties"))) {
            expected.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    /** The API Gateway events of {@code events/<folder>}, sorted by name. */
    public static List<Path> files(String folder) {
        try (var files = Files.list(RepoPaths.events().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dynamic test per event of the folder, each checking its status and X-Request-Id. */
    public static Stream<DynamicTest> tests(String folder, Invoker invoker) {
        Path events = RepoPaths.events();
        Properties expected = expectedStatuses();
        List<Path> files = files(folder);
        if (files.isEmpty()) throw new AssertionError("no events in events/" + folder);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String name = events.relativize(file).toString().replace('\\', '/');
                    String status = expected.getProperty(name);
                    if (status == null)
                        throw new AssertionError(name + " has no line in events/expected-status.properties");
                    var response = ProxyResponse.parse(invoker.invoke(file));
                    if (response.status() != Integer.parseInt(status)) {
                        throw new AssertionError(name + ": expected " + status + " but got " + response.status() + ": "
                                + response.text());
                    }
                    if (response.header("X-Request-Id") == null) throw new AssertionError(name + ": no X-Request-Id");
                    if (response.body().length > 0
                            && !String.valueOf(response.header("Content-Type"))
                                    .matches("application/(problem\\+)?json.*|text/(html|css|javascript);.*")) {
                        throw new AssertionError(name + ": Content-Type " + response.header("Content-Type"));
                    }
                }));
    }
}
