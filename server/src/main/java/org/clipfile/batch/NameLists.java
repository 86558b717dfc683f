package org.clipfile.batch;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.problem.ApiProblem;

/** Reads the names of a batch: the first column of a CSV (RFC 4180 quoting), blank cells and a BOM skipped. */
final class NameLists {
    private NameLists() {}

    static List<String> firstColumn(Reader csv, int maxNames, int maxNameChars) throws IOException {
        List<String> names = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        boolean afterQuote = false;
        int column = 0;
        int line = 1;
        boolean first = true;
        int c;
        while ((c = csv.read()) != -1) {
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (inQuotes) {
                if (c == '"') {
                    inQuotes = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    append(cell, (char) c, column == 0, maxNameChars, line);
                }
                continue;
            }
            if (c == '"') {
                if (afterQuote || (column == 0 && cell.isEmpty())) {
                    if (afterQuote) { // a doubled quote inside a quoted cell
                        append(cell, '"', column == 0, maxNameChars, line);
                    }
                    inQuotes = true;
                    afterQuote = false;
                } else {
                    append(cell, '"', column == 0, maxNameChars, line);
                }
                continue;
            }
            afterQuote = false;
            if (c == ',') {
                column++;
            } else if (c == '\n') {
                add(names, cell, maxNames);
                column = 0;
                line++;
            } else if (c != '\r') {
                append(cell, (char) c, column == 0, maxNameChars, line);
            }
        }
        add(names, cell, maxNames);
        return names;
    }

    private static void append(StringBuilder cell, char c, boolean keep, int maxNameChars, int line) {
        if (!keep) {
            return;
        }
        if (cell.length() >= maxNameChars) {
            throw ApiProblem.badRequest("The name on line " + line + " is longer than " + maxNameChars
                    + " characters");
        }
        cell.append(c);
    }

    private static void add(List<String> names, StringBuilder cell, int maxNames) {
        String name = cell.toString().strip();
        cell.setLength(0);
        if (name.isEmpty()) {
            return;
        }
        if (names.size() >= maxNames) {
            throw ApiProblem.badRequest("A batch holds at most " + maxNames + " names");
        }
        names.add(name);
    }

    /** Checks a pasted list: strips names, drops blank ones, enforces the limits. */
    static List<String> checked(List<String> raw, int maxNames, int maxNameChars) {
        List<String> names = new ArrayList<>();
        for (String name : raw) {
            String stripped = name == null ? "" : name.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.length() > maxNameChars) {
                throw ApiProblem.badRequest("Name " + (names.size() + 1) + " is longer than " + maxNameChars
                        + " characters");
            }
            names.add(stripped);
        }
        if (names.size() > maxNames) {
            throw ApiProblem.badRequest("A batch holds at most " + maxNames + " names, not " + names.size());
        }
        return names;
    }
}
