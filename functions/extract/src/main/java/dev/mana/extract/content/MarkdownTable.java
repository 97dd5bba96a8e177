package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Renders a data table as a GFM pipe table. A table used for layout (cells holding blocks or
 * other tables) cannot be one, so its cells are rendered as ordinary blocks instead.
 */
final class MarkdownTable {

    private final MarkdownWriter blocks;
    private final InlineWriter inline;
    private final boolean plain;

    MarkdownTable(MarkdownWriter blocks, InlineWriter inline, boolean plain) {
        this.blocks = blocks;
        this.inline = inline;
        this.plain = plain;
    }

    List<String> render(Element table) {
        List<Element> rows = rowsOf(table);
        if (rows.isEmpty() || isLayout(table)) {
            return blocks.blocks(table);
        }
        List<List<String>> cells = new ArrayList<>();
        int columns = 0;
        for (Element row : rows) {
            List<String> rowCells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                rowCells.add(cellText(cell));
                int span = parseSpan(cell.attr("colspan"));
                for (int i = 1; i < span; i++) {
                    rowCells.add("");
                }
            }
            columns = Math.max(columns, rowCells.size());
            cells.add(rowCells);
        }
        if (columns == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Element caption = table.selectFirst("> caption");
        if (caption != null) {
            String text = blocks.paragraph(inline.children(caption));
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        out.add(plain ? plainRows(cells) : pipeRows(cells, columns));
        return out;
    }

    private static List<Element> rowsOf(Element table) {
        return table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
    }

    private static boolean isLayout(Element table) {
        return !table.select("td table, th table, td > div > p, td > p + p, td ul, td ol, td pre, td h1, td h2, td h3")
                .isEmpty();
    }

    private String cellText(Element cell) {
        String text = blocks.paragraph(inline.children(cell)).replace("\n", " ");
        return plain ? text : text.replace("|", "\\|");
    }

    private static String pipeRows(List<List<String>> rows, int columns) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            appendRow(out, rows.get(r), columns);
            if (r == 0) {
                out.append('\n').append("|").append(" --- |".repeat(columns));
            }
            if (r < rows.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> row, int columns) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
            out.append(' ').append(c < row.size() ? row.get(c) : "").append(" |");
        }
    }

    private static String plainRows(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            String line = String.join("\t", row).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    private static int parseSpan(String span) {
        try {
            return span.isBlank() ? 1 : Math.min(50, Math.max(1, Integer.parseInt(span.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
