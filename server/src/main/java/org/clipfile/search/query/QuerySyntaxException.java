package org.clipfile.search.query;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;
/**
 * The query cannot be searched as written. Safe to show to the journalist: {@link #getMessage()} says what is wrong,
 * {@link #hint()} how to fix it, and {@link #position()} where (a zero-based index into the query string, counted in
 * UTF-16 code units as Java and JavaScript strings are).
 */
public final class QuerySyntaxException extends ProblemException {
    private final int position;
    private final String hint;

    public QuerySyntaxException(int position, String message, String hint) {
        // The caller reads which parameter and where; the message stays the bare sentence the parser wrote.
        super(HttpStatus.BAD_REQUEST, "query-syntax", "Query syntax error", "q: " + message + " (at character "
                + position + ")", message, null);
        this.position = position;
        this.hint = hint;
        // The position and hint let a client underline the mistake in the search box.
        property("position", position);
        property("hint", hint);
    }

    public int position() {
        return position;
    }

    public String hint() {
        return hint;
    }

    @Override
    public String toString() {
        return "QuerySyntaxException at " + position + ": " + getMessage() + " (" + hint + ")";
    }
}
