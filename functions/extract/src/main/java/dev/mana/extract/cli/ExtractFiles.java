package dev.mana.extract.cli;

import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.ExtractedContent;
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
 * {@code extract-files IN_DIR OUT_DIR}: the API's extraction over local files, no network. Every
 * {@code *.html} in IN_DIR becomes {@code <name>.md} in OUT_DIR; an optional {@code urls.tsv}
 * (name TAB url) gives each page the URL its relative links resolve against.
 */
public final class ExtractFiles {

    private ExtractFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: extract-files IN_DIR OUT_DIR");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.isDirectory(in)) {
            System.err.println("extract-files: not a directory: " + in);
            System.exit(2);
        }
        Files.createDirectories(out);
        Map<String, URI> urls = readUrls(in.resolve("urls.tsv"));
        ContentExtractor extractor = new ContentExtractor();
        int written = 0;
        for (Path file : htmlFiles(in)) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".html".length());
            URI base = urls.getOrDefault(name, urls.get(fileName));
            String html = Files.readString(file, StandardCharsets.UTF_8);
            ExtractedContent content = extractor.extract(html, base, ExtractOptions.defaults());
            Files.writeString(out.resolve(name + ".md"), content.markdown() + "\n", StandardCharsets.UTF_8);
            written++;
        }
        System.err.println("extract-files: wrote " + written + " file(s) to " + out);
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
