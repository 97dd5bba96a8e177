package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Renders content HTML as CommonMark with GFM tables, or, in plain mode, as text with the same
 * block structure (paragraphs apart, list items on their own lines) and no markup.
 */
final class MarkdownWriter {

    static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "details",
            "dialog",
            "dd",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "ul",
            "body",
            "html",
            "caption",
            "tbody",
            "thead",
            "tfoot",
            "tr",
            "td",
            "th");
    private static final Pattern LANGUAGE =
            Pattern.compile("(?:^|\\s)(?:language-|lang-|highlight-source-|brush:\\s*)([\\w+#.-]+)");

    private final boolean plain;
    private final InlineWriter inline;
    private final MarkdownTable tables;

    MarkdownWriter(UrlResolver urls, boolean plain) {
        this.plain = plain;
        this.inline = new InlineWriter(urls, plain);
        this.tables = new MarkdownTable(this, inline, plain);
    }

    String write(Element root) {
        String joined = String.join("\n\n", blocks(root));
        return joined.replaceAll("\n{3,}", "\n\n").strip();
    }

    List<String> blocks(Element container) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
                flushParagraph(pending, out);
                out.addAll(block(e));
            } else {
                pending.append(inline.node(child));
            }
        }
        flushParagraph(pending, out);
        return out;
    }

    private void flushParagraph(StringBuilder pending, List<String> out) {
        String paragraph = paragraph(pending.toString());
        if (!paragraph.isEmpty()) {
            out.add(paragraph);
        }
        pending.setLength(0);
    }

    /** Trims each line of an inline run and guards line starts; empty when there is no text. */
    String paragraph(String run) {
        List<String> lines = new ArrayList<>();
        for (String line : run.split("\n")) {
            String trimmed = line.replaceAll(" {2,}", " ").strip();
            if (!trimmed.isEmpty()) {
                lines.add(plain ? trimmed : MarkdownEscaper.lineStart(trimmed));
            }
        }
        return String.join("\n", lines);
    }

    private List<String> block(Element e) {
        String tag = e.normalName();
        return switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e, tag.charAt(1) - '0');
            case "p" -> single(paragraph(inline.children(e)));
            case "ul", "ol" -> single(list(e, tag.equals("ol")));
            case "pre" -> single(code(e));
            case "blockquote" -> single(quote(e));
            case "table" -> tables.render(e);
            case "hr" -> plain ? List.of() : List.of("---");
            case "dt" -> single(plain ? paragraph(inline.children(e)) : bold(paragraph(inline.children(e))));
            default -> blocks(e);
        };
    }

    private static List<String> single(String block) {
        return block.isBlank() ? List.of() : List.of(block);
    }

    private static String bold(String text) {
        return text.isBlank() ? text : "**" + text.replace("\n", " ") + "**";
    }

    private List<String> heading(Element e, int level) {
        String text = paragraph(inline.children(e)).replace("\n", " ");
        if (text.isBlank()) {
            return List.of();
        }
        if (plain) {
            return List.of(text);
        }
        // Already-escaped line starts are irrelevant after "# ", so undo that guard.
        String body = text.startsWith("\\") && !text.startsWith("\\\\") ? text.substring(1) : text;
        return List.of("#".repeat(level) + " " + body);
    }

    private String list(Element list, boolean ordered) {
        int number = ordered ? parseStart(list.attr("start")) : 0;
        List<String> items = new ArrayList<>();
        for (Element child : list.children()) {
            String body = String.join("\n", blocks(child));
            if (body.isBlank()) {
                continue;
            }
            if (!child.normalName().equals("li") && !items.isEmpty()) {
                // A list nested directly in a list (invalid, common) belongs to the item before it.
                int last = items.size() - 1;
                items.set(last, items.get(last) + "\n" + indent(body, "  "));
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            String indented = indent(body, " ".repeat(marker.length()));
            items.add(marker + indented.substring(marker.length()));
        }
        return String.join("\n", items);
    }

    private static String indent(String body, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? "" : prefix + line);
        }
        return out.toString();
    }

    private static int parseStart(String start) {
        try {
            return start.isBlank() ? 1 : Integer.parseInt(start.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private String code(Element pre) {
        String text = pre.wholeText().replaceAll("^\n", "").stripTrailing();
        if (plain || text.isBlank()) {
            return text;
        }
        String fence = text.contains("```") ? "~~~~" : "```";
        return fence + language(pre) + "\n" + text + "\n" + fence;
    }

    private static String language(Element pre) {
        List<Element> candidates = new ArrayList<>();
        candidates.add(pre);
        candidates.addAll(pre.getElementsByTag("code"));
        for (Element e : candidates) {
            Matcher m = LANGUAGE.matcher(e.className());
            if (m.find()) {
                return m.group(1);
            }
            if (!e.attr("data-lang").isBlank()) {
                return e.attr("data-lang").trim();
            }
        }
        return "";
    }

    private String quote(Element blockquote) {
        String body = String.join("\n\n", blocks(blockquote));
        if (plain || body.isBlank()) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.isEmpty() ? ">" : "> " + line);
        }
        return out.toString();
    }
}
