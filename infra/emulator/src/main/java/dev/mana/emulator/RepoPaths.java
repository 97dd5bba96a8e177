package dev.mana.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository and ../shared are, from a test JVM, the local runtime or a script. */
public final class RepoPaths {
    private RepoPaths() {}

    /** The repository root: {@code mana.repo.dir}, else the nearest parent holding template.yaml. */
    public static Path root() {
        String configured = System.getProperty("mana.repo.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (no template.yaml above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path openApi() {
        return root().resolve("infra/openapi.yaml");
    }

    public static Path events() {
        return root().resolve("events");
    }

    /** ../shared beside the clone (fixtures and assets), when it is there. */
    public static Optional<Path> shared() {
        String configured = System.getProperty("mana.shared.dir");
        Path dir = configured != null ? Path.of(configured) : root().resolveSibling("shared");
        return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
    }
}
