package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import dev.mana.search.engine.EngineRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md (which infra/local/start --help prints) names every variable the code reads. */
class ConfigurationDocIT {
    /** How the code names its variables: string literals of these shapes, in main sources. */
    private static final Pattern VARIABLE =
            Pattern.compile("\"((?:MANA|AWS|JWT|STRIPE)_[A-Z0-9_]*[A-Z0-9]|SPRING_CLOUD_FUNCTION_DEFINITION|MAIN_CLASS"
                    + "|[A-Z]+_TABLE|[A-Z]+_QUEUE_URL|DATA_BUCKET)\"");

    @Test
    void everyVariableOfTheCodeAndTheTemplate_isOnTheConfigurationPage() throws Exception {
        String page = Files.readString(RepoPaths.root().resolve("docs/configuration.md"));
        var names = new TreeSet<String>();
        for (var function : Template.load().functions())
            names.addAll(function.environment().keySet());
        // Built from each engine's name (MANA_SEARCH_<ENGINE>_URL...), so not literals.
        names.addAll(EngineRegistry.variableNames());
        for (String sources : new String[] {"functions", "infra/local/src/main"}) {
            try (var files = Files.walk(RepoPaths.root().resolve(sources))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> f.toString().contains("/src/main/"))
                        .toList()) {
                    var matcher = VARIABLE.matcher(Files.readString(file));
                    while (matcher.find()) names.add(matcher.group(1));
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(40);
        assertThat(names)
                .allSatisfy(name -> assertThat(page).as("docs/configuration.md").contains("`" + name + "`"));
    }
}
