package dev.mana.extract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractFilesTest {

    private static final String PAGE = "<html><head><title>A page</title></head><body>"
            + "<p>Some words that make up a paragraph of text, long enough to count as prose.</p>"
            + "<p>See <a href=\"/docs\">the docs</a> for more.</p></body></html>";

    @Test
    void extractFiles_writesOneMarkdownFilePerHtmlFile(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(in.resolve("one.html"), PAGE);
        Files.writeString(in.resolve("two.html"), PAGE);
        Files.writeString(in.resolve("notes.txt"), "ignored");
        ExtractFiles.main(new String[] {in.toString(), out.toString()});
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("one.md", "two.md");
        }
    }

    @Test
    void extractFiles_resolvesLinksAgainstUrlsTsv(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(in.resolve("page.html"), PAGE);
        Files.writeString(in.resolve("urls.tsv"), "page\thttps://site.example/a/b.html\n");
        ExtractFiles.main(new String[] {in.toString(), out.toString()});
        assertThat(Files.readString(out.resolve("page.md"))).contains("[the docs](https://site.example/docs)");
    }
}
