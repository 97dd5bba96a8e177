package dev.mana.extract.cli;

import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.ExtractedContent;
import dev.mana.extract.content.Favor;
import dev.mana.platform.fetch.CharsetSniffer;
import dev.mana.platform.fetch.FetchPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code extract-files [--favor precision|balanced|recall] IN_DIR OUT_DIR}: the API's extraction over local files, no network. Every
 * {@code *.html} in IN_DIR becomes {@code <name>.md} in OUT_DIR; an optional {@code urls.tsv}
 * (name TAB url) gives each page the URL its relative links resolve against. Bytes are decoded as
 * the fetcher decodes a page without a Content-Type charset ({@link CharsetSniffer}: BOM, meta
 * charset, then UTF-8 or windows-1252) and capped as it caps a body. A page that cannot be read or extracted is named on stderr
 * and the run goes on; the exit status is 1 when any page failed.
 */
public final class ExtractFiles {

    private ExtractFiles() {}

    public static void main(String[] args) throws IOException {
        Favor favor = Favor.BALANCED;
        int first = 0;
        if (args.length == 4 && args[0].equals("--favor")) {
            favor = Favor.parse(args[1]);
            first = 2;
        }
        if (args.length - first != 2 || favor == null) {
            System.err.println("usage: extract-files [--favor precision|balanced|recall] IN_DIR OUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[first]);
        if (!Files.isDirectory(in)) {
            System.err.println("extract-files: not a directory: " + in);
            System.exit(2);
        }
        if (run(in, Path.of(args[first + 1]), ExtractOptions.defaults().withFavor(favor)) > 0) {
            System.exit(1);
        }
    }

    /** Extracts every page of {@code in} into {@code out}; returns how many pages failed. */
    static int run(Path in, Path out, ExtractOptions options) throws IOException {
        Files.createDirectories(out);
        Map<String, URI> urls = readUrls(in.resolve("urls.tsv"));
        ContentExtractor extractor = new ContentExtractor();
        int written = 0;
        int failed = 0;
        for (Path file : htmlFiles(in)) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".html".length());
            URI base = urls.getOrDefault(name, urls.get(fileName));
            try {
                String html = CharsetSniffer.decode(readPage(file));
                ExtractedContent content = extractor.extract(html, base, options);
                Files.writeString(out.resolve(name + ".md"), content.markdown() + "\n", StandardCharsets.UTF_8);
                written++;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // One bad page (unreadable, or one the engine cannot take) must not cost the others.
                System.err.println("extract-files: " + fileName + " failed: " + e);
                failed++;
            }
        }
        System.err.println("extract-files: wrote " + written + " file(s) to " + out
                + (failed > 0 ? ", " + failed + " failed" : ""));
        return failed;
    }

    /** The page's bytes; a page over the fetcher's body cap is refused, as the API refuses it. */
    private static byte[] readPage(Path file) throws IOException {
        if (Files.size(file) > FetchPolicy.DEFAULT_MAX_BYTES) {
            throw new IOException("larger than the fetcher's cap of " + FetchPolicy.DEFAULT_MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private static List<Path> htmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".html") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    static Map<String, URI> readUrls(Path tsv) throws IOException {
        Map<String, URI> urls = new HashMap<>();
        if (!Files.isRegularFile(tsv)) {
            return urls;
        }
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 2);
            if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                try {
                    urls.put(parts[0].strip(), URI.create(parts[1].strip()));
                } catch (IllegalArgumentException e) {
                    System.err.println("extract-files: skipping bad URL for " + parts[0] + ": " + parts[1]);
                }
            }
        }
        return urls;
    }
}
