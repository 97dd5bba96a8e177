package dev.mana.extract.bench;

import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.ExtractedContent;
import dev.mana.extract.content.Format;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Repeatable harness (not a test): parse + extract + Markdown and text rendering of every
 * readability test page on one thread, after warm-up. Prints median ms per page and pages/s;
 * pin it to one core with taskset, as bench/run-readability-compare does.
 *
 * <p>Args: PAGES_DIR [warmupPasses=5] [measuredPasses=10]
 */
public final class ExtractBenchmark {

    private ExtractBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> pages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.isRegularFile(dir.resolve("source.html"))) {
                    pages.add(Files.readString(dir.resolve("source.html")));
                }
            }
        }
        ContentExtractor extractor = new ContentExtractor();
        ExtractOptions options = ExtractOptions.defaults().withFormats(Format.MARKDOWN, Format.TEXT);
        URI base = URI.create("http://fakehost/test/page.html");
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            for (String page : pages) {
                sink += extractor.extract(page, base, options).wordCount();
            }
        }
        double[][] perPage = new double[pages.size()][passes];
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (int p = 0; p < pages.size(); p++) {
                long t0 = System.nanoTime();
                ExtractedContent got = extractor.extract(pages.get(p), base, options);
                perPage[p][pass] = (System.nanoTime() - t0) / 1e6;
                sink += got.markdown().length();
            }
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        double[] medians =
                Arrays.stream(perPage).mapToDouble(ExtractBenchmark::median).toArray();
        double medianMs = median(medians);
        double pagesPerSecond = pages.size() * passes / totalSeconds;
        System.out.printf(
                "java-extract pages=%d passes=%d median_ms=%.3f mean_ms=%.3f pages_per_s=%.1f (sink %d)%n",
                pages.size(), passes, medianMs, 1000.0 / pagesPerSecond, pagesPerSecond, sink % 10);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
