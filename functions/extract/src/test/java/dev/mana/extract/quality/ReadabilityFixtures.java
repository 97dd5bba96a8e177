package dev.mana.extract.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds ../shared/fixtures/readability-test-pages (and the other shared page sets). */
final class ReadabilityFixtures {

    /** The URL Mozilla's test suite gives every page, so relative links resolve alike. */
    static final String BASE_URL = "http://fakehost/test/page.html";

    private ReadabilityFixtures() {}

    static Path root() {
        return sharedFixture("readability-test-pages");
    }

    /** ../shared/fixtures/NAME from the repository root, or under -Dmana.shared.dir when set. */
    static Path sharedFixture(String name) {
        String shared = System.getProperty("mana.shared.dir");
        if (shared == null || shared.isBlank()) {
            String repo = System.getProperty(
                    "mana.repo.dir", Path.of("").toAbsolutePath().toString());
            shared = Path.of(repo).resolve("../shared").toString();
        }
        return Path.of(shared).resolve("fixtures").resolve(name).normalize();
    }

    static List<Path> pages(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("source.html"))
                            && Files.isRegularFile(d.resolve("expected.html")))
                    .sorted()
                    .toList();
        }
    }
}
