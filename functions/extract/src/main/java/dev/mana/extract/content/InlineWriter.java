package dev.mana.extract.content;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Renders phrasing content (text, emphasis, links, images, inline code) as one Markdown run. */
final class InlineWriter {

    private final UrlResolver urls;
    private final boolean plain;

    InlineWriter(UrlResolver urls, boolean plain) {
        this.urls = urls;
        this.plain = plain;
    }

    String children(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node child : element.childNodes()) {
            out.append(node(child));
        }
        return out.toString();
    }

    String node(Node node) {
        if (node instanceof TextNode text) {
            String collapsed = collapse(text.getWholeText());
            return plain ? collapsed : MarkdownEscaper.inline(collapsed);
        }
        if (!(node instanceof Element e)) {
            return "";
        }
        return switch (e.normalName()) {
            case "br" -> "\n";
            case "strong", "b" -> wrap(children(e), "**");
            case "em", "i", "cite", "dfn" -> wrap(children(e), "_");
            case "del", "s", "strike" -> wrap(children(e), "~~");
            case "code", "kbd", "samp", "tt" -> code(e);
            case "a" -> link(e);
            case "img" -> image(e);
            case "svg", "button", "input", "select", "textarea", "video", "audio", "iframe", "object", "embed" -> "";
            default ->
                Patterns.PHRASING.contains(e.normalName()) || e.normalName().equals("span")
                        ? children(e)
                        : " " + children(e) + " ";
        };
    }

    private String wrap(String inner, String marker) {
        if (plain || DomText.isBlank(inner)) {
            return inner;
        }
        // Emphasis markers must touch the text, so surrounding spaces move outside them.
        String lead = inner.startsWith(" ") ? " " : "";
        String trail = inner.endsWith(" ") ? " " : "";
        return lead + marker + inner.strip() + marker + trail;
    }

    private String code(Element e) {
        String text = collapse(e.wholeText());
        if (plain || text.isBlank()) {
            return text;
        }
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private String link(Element a) {
        String text = children(a);
        if (plain) {
            return text;
        }
        String href = urls.link(a.attr("href"));
        if (DomText.isBlank(text)) {
            return ""; // an empty link carries nothing a reader can use
        }
        if (href == null) {
            return text;
        }
        String lead = text.startsWith(" ") ? " " : "";
        String trail = text.endsWith(" ") ? " " : "";
        return lead + "[" + text.strip().replace("\n", " ") + "](" + destination(href) + ")" + trail;
    }

    private String image(Element img) {
        if (plain) {
            return "";
        }
        String src = urls.image(img);
        if (src == null) {
            return "";
        }
        String alt = collapse(img.attr("alt")).strip().replace("[", "\\[").replace("]", "\\]");
        return "![" + alt + "](" + destination(src) + ")";
    }

    private static String destination(String url) {
        return url.contains(" ") || url.contains("(") || url.contains(")") ? "<" + url.replace(">", "%3E") + ">" : url;
    }

    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (DomText.isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }
}
