package org.clipfile.search;

import java.util.List;

/**
 * RFC 4180 rows, with cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) neutralised by a leading apostrophe, as OWASP recommends against CSV injection. Every cell is quoted:
 * a spreadsheet set to another separator (a semicolon, as in much of Europe) would otherwise split
 * {@code x;=2+2} and run its second half.
 */
public final class Csv {
    private Csv() {}

    public static String row(List<String> cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append("\r\n").toString();
    }

    public static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
