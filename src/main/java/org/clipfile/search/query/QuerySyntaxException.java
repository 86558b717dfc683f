package org.clipfile.search.query;

/**
 * The query cannot be searched as written. Safe to show to the journalist: {@link #getMessage()} says what is wrong,
 * {@link #hint()} how to fix it, and {@link #position()} where (a zero-based index into the query string, counted in
 * UTF-16 code units as Java and JavaScript strings are).
 */
public final class QuerySyntaxException extends RuntimeException {
    private final int position;
    private final String hint;

    public QuerySyntaxException(int position, String message, String hint) {
        super(message);
        this.position = position;
        this.hint = hint;
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
