package dev.mana.extract.content;

import org.jsoup.nodes.Element;

/** Tells data tables (kept whole) from layout tables (cleaned like any other block). */
final class DataTables {

    private DataTables() {}

    static void mark(Element root, GrabState state) {
        for (Element table : root.getElementsByTag("table")) {
            if (isData(table)) {
                state.dataTables.add(table);
            }
        }
    }

    private static boolean isData(Element table) {
        if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
            return false;
        }
        if (!table.attr("summary").isEmpty()) {
            return true;
        }
        Element caption = table.getElementsByTag("caption").first();
        if (caption != null && caption.childNodeSize() > 0) {
            return true;
        }
        if (!table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (table.getElementsByTag("table").size() > 1) {
            return false; // nested tables are layout
        }
        int rows = 0;
        int columns = 0;
        for (Element tr : table.getElementsByTag("tr")) {
            String rowspan = tr.attr("rowspan");
            rows += rowspan.isEmpty() ? 1 : parseIntOr(rowspan, 1);
            int rowColumns = 0;
            for (Element td : tr.getElementsByTag("td")) {
                String colspan = td.attr("colspan");
                rowColumns += colspan.isEmpty() ? 1 : parseIntOr(colspan, 1);
            }
            columns = Math.max(columns, rowColumns);
        }
        if (rows == 1 || columns == 1) {
            return false;
        }
        if (rows >= 10 || columns > 4) {
            return true;
        }
        return rows * columns > 10;
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
