package dev.mana.extract.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.platform.fetch.CharsetSniffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Main-content quality on the human-labelled trafilatura development set
 * (../shared/fixtures/trafilatura-eval: 536 news, blog and site pages, each with snippets that
 * must and must not be in the article), scored by the set's rules. The floors sit just under the
 * measured figures and are raised as the engine improves; bench/run-quality gives the same
 * figures from the set's own score.py, with Readability.js beside them.
 */
class MainContentQualityTest {

    // Measured (markdown, default options): see docs/extraction.md for the history.
    private static final double PRECISION_FLOOR = 0.92;
    private static final double RECALL_FLOOR = 0.924;
    private static final double F1_FLOOR = 0.922;

    @Test
    void mainContent_overTheLabelledDevelopmentSet_meetsTheFloors() throws IOException {
        Path root = ReadabilityFixtures.sharedFixture("trafilatura-eval");
        Assumptions.assumeTrue(
                Files.isRegularFile(root.resolve("cases.json")),
                "trafilatura development set not found at " + root + " (set -Dmana.shared.dir)");
        ContentExtractor extractor = new ContentExtractor();
        SnippetScore total = SnippetScore.ZERO;
        List<String> leaks = new ArrayList<>();
        JsonNode cases = new ObjectMapper().readTree(root.resolve("cases.json").toFile());
        for (JsonNode c : cases) {
            String html = CharsetSniffer.decode(
                    Files.readAllBytes(root.resolve(c.get("file").asText())));
            String markdown =
                    extractor.extract(html, null, ExtractOptions.defaults()).markdown();
            SnippetScore page = SnippetScore.of(markdown, strings(c.get("with")), strings(c.get("without")));
            total = total.plus(page);
            if (page.falsePositives() > 0) {
                leaks.add(c.get("file").asText() + " (" + page.falsePositives() + ")");
            }
        }
        String report = String.format(
                "trafilatura development set: %d pages, precision %.3f recall %.3f F1 %.3f"
                        + " (TP %d FN %d TN %d FP %d)%n  pages with boilerplate kept: %d%n",
                cases.size(),
                total.precision(),
                total.recall(),
                total.f1(),
                total.truePositives(),
                total.falseNegatives(),
                total.trueNegatives(),
                total.falsePositives(),
                leaks.size());
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/main-content-quality.txt"), report + String.join("\n", leaks) + "\n");

        assertThat(cases.size()).isGreaterThan(500);
        assertThat(total.precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(total.recall()).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(total.f1()).as("F1").isGreaterThanOrEqualTo(F1_FLOOR);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
