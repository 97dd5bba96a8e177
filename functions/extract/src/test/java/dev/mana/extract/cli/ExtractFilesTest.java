package dev.mana.extract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.extract.content.ExtractOptions;
import dev.mana.platform.fetch.FetchPolicy;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertThat(ExtractFiles.run(in, out, ExtractOptions.defaults())).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("one.md", "two.md");
        }
    }

    @Test
    void extractFiles_resolvesLinksAgainstUrlsTsv(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(in.resolve("page.html"), PAGE);
        Files.writeString(in.resolve("urls.tsv"), "page\thttps://site.example/a/b.html\n");
        assertThat(ExtractFiles.run(in, out, ExtractOptions.defaults())).isZero();
        assertThat(Files.readString(out.resolve("page.md"))).contains("[the docs](https://site.example/docs)");
    }

    @Test
    void extractFiles_decodesEachPageByItsBomOrMetaCharsetOrBytes(@TempDir Path in, @TempDir Path out)
            throws IOException {
        String words = "Größe, Maß und Öl: a paragraph of prose long enough to count as the page's text.";
        String latin1 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body><p>" + words + "</p></body></html>";
        Files.write(in.resolve("latin1.html"), latin1.getBytes(Charset.forName("windows-1252")));
        String bare = "<html><body><p>" + words + "</p></body></html>";
        Files.write(in.resolve("undeclared.html"), bare.getBytes(Charset.forName("windows-1252")));
        byte[] utf8 = bare.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(in.resolve("bom.html"), withBom);

        assertThat(ExtractFiles.run(in, out, ExtractOptions.defaults())).isZero();
        for (String name : new String[] {"latin1.md", "undeclared.md", "bom.md"}) {
            assertThat(Files.readString(out.resolve(name))).as(name).contains("Größe, Maß und Öl");
        }
    }

    @Test
    void extractFiles_aPageTheApiWouldRefuseFailsAlone(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(in.resolve("good.html"), PAGE);
        byte[] huge = new byte[(int) FetchPolicy.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        Files.write(in.resolve("huge.html"), huge);

        assertThat(ExtractFiles.run(in, out, ExtractOptions.defaults())).isEqualTo(1);
        assertThat(Files.readString(out.resolve("good.md"))).contains("the docs");
        assertThat(out.resolve("huge.md")).doesNotExist();
    }
}
