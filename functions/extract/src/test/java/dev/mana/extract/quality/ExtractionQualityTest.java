package dev.mana.extract.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.ExtractedContent;
import dev.mana.extract.content.Format;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures extraction against Mozilla's readability test pages: token P/R/F1 of the text and
 * exact-after-normalisation metadata accuracy. The floors sit a little under the measured figures
 * so a regression fails the build.
 */
class ExtractionQualityTest {

    // Measured: mean F1 0.999, median 1.000, every metadata field 1.000 (130 pages).
    private static final double MEAN_F1_FLOOR = 0.99;
    private static final double MEDIAN_F1_FLOOR = 0.995;
    private static final double FIELD_ACCURACY_FLOOR = 0.97;

    private static final ObjectMapper JSON = new ObjectMapper();

    record PageResult(String name, TokenOverlap overlap, Map<String, Boolean> fields) {}

    @Test
    void extraction_overReadabilityTestPages_meetsQualityFloor() throws IOException {
        Path root = ReadabilityFixtures.root();
        Assumptions.assumeTrue(
                Files.isDirectory(root), "readability test pages not found at " + root + " (set -Dmana.shared.dir)");
        ContentExtractor extractor = new ContentExtractor();
        ExtractOptions options = ExtractOptions.defaults().withFormats(Format.TEXT);
        List<PageResult> results = new ArrayList<>();
        for (Path dir : ReadabilityFixtures.pages(root)) {
            String source = Files.readString(dir.resolve("source.html"));
            String expectedText =
                    Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
            ExtractedContent got = extractor.extract(source, URI.create(ReadabilityFixtures.BASE_URL), options);
            results.add(new PageResult(
                    dir.getFileName().toString(),
                    TokenOverlap.of(got.text(), expectedText),
                    metadataMatches(got, dir.resolve("expected-metadata.json"))));
        }
        QualityReport report = QualityReport.of(results);
        System.out.println(report.text());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/extract-quality.txt"), report.text());

        assertThat(results).hasSizeGreaterThan(100);
        assertThat(report.meanF1()).as("mean F1").isGreaterThanOrEqualTo(MEAN_F1_FLOOR);
        assertThat(report.medianF1()).as("median F1").isGreaterThanOrEqualTo(MEDIAN_F1_FLOOR);
        report.accuracies()
                .forEach((field, accuracy) ->
                        assertThat(accuracy).as(field + " accuracy").isGreaterThanOrEqualTo(FIELD_ACCURACY_FLOOR));
    }

    private static Map<String, Boolean> metadataMatches(ExtractedContent got, Path expectedFile) throws IOException {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        if (!Files.isRegularFile(expectedFile)) {
            return fields;
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        Map<String, Function<ExtractedContent, String>> getters = new LinkedHashMap<>();
        getters.put("title", ExtractedContent::title);
        getters.put("byline", ExtractedContent::byline);
        getters.put("excerpt", ExtractedContent::excerpt);
        getters.put("siteName", ExtractedContent::siteName);
        getters.put("lang", ExtractedContent::lang);
        getters.put("publishedTime", ExtractedContent::publishedAt);
        getters.forEach((field, getter) -> {
            if (expected.has(field)) {
                JsonNode want = expected.get(field);
                fields.put(
                        field, normalise(want.isNull() ? null : want.asText()).equals(normalise(getter.apply(got))));
            }
        });
        return fields;
    }

    static String normalise(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The summary table, kept apart from the measuring. */
    record QualityReport(String text, double meanF1, double medianF1, Map<String, Double> accuracies) {

        double accuracy(String field) {
            return accuracies.getOrDefault(field, 0.0);
        }

        static QualityReport of(List<PageResult> results) {
            double meanP = results.stream()
                    .mapToDouble(r -> r.overlap().precision())
                    .average()
                    .orElse(0);
            double meanR = results.stream()
                    .mapToDouble(r -> r.overlap().recall())
                    .average()
                    .orElse(0);
            double meanF1 = results.stream()
                    .mapToDouble(r -> r.overlap().f1())
                    .average()
                    .orElse(0);
            double[] f1s =
                    results.stream().mapToDouble(r -> r.overlap().f1()).sorted().toArray();
            double median =
                    f1s.length % 2 == 1 ? f1s[f1s.length / 2] : (f1s[f1s.length / 2 - 1] + f1s[f1s.length / 2]) / 2;
            Map<String, Double> accuracies = new LinkedHashMap<>();
            for (String field : List.of("title", "byline", "excerpt", "siteName", "lang", "publishedTime")) {
                long total = results.stream()
                        .filter(r -> r.fields().containsKey(field))
                        .count();
                long ok = results.stream()
                        .filter(r -> Boolean.TRUE.equals(r.fields().get(field)))
                        .count();
                accuracies.put(field, total == 0 ? 0 : (double) ok / total);
            }
            StringBuilder out = new StringBuilder();
            out.append(String.format("Extraction quality over %d readability test pages%n", results.size()));
            out.append(String.format(
                    "  text tokens   mean P %.3f   mean R %.3f   mean F1 %.3f   median F1 %.3f%n",
                    meanP, meanR, meanF1, median));
            out.append("  metadata accuracy (exact after normalisation):\n");
            accuracies.forEach((field, acc) -> out.append(String.format("    %-14s %.3f%n", field, acc)));
            out.append("  lowest F1 pages:\n");
            results.stream()
                    .sorted(Comparator.comparingDouble(r -> r.overlap().f1()))
                    .limit(15)
                    .forEach(r -> out.append(String.format(
                            "    %-40s P %.3f R %.3f F1 %.3f%n",
                            r.name(),
                            r.overlap().precision(),
                            r.overlap().recall(),
                            r.overlap().f1())));
            out.append("  metadata misses:\n");
            for (PageResult r : results) {
                r.fields().forEach((field, ok) -> {
                    if (!ok) {
                        out.append("    ")
                                .append(r.name())
                                .append(' ')
                                .append(field)
                                .append('\n');
                    }
                });
            }
            return new QualityReport(out.toString(), meanF1, median, accuracies);
        }
    }
}
