package org.clipfile.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens. Words carry their {@code *} or {@code ~N} already split off; a known field name followed
 * directly by a colon and a value becomes a {@link Kind#FIELD} token; punctuation-only words are dropped because the
 * analyzers would drop them anyway.
 */
final class QueryLexer {

    enum Kind { WORD, PHRASE, NEAR, PREFIX, FUZZY, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, EOF }

    /**
     * @param start index of the token's first character
     * @param modifierAt index of the {@code ~} of a {@link Kind#FUZZY} or {@link Kind#NEAR} token, else -1
     * @param number edits of a fuzzy word (-1: automatic) or the N of {@code "..."~N}; capped at
     *     {@link Integer#MAX_VALUE}
     */
    record Token(Kind kind, int start, String text, Scope scope, int modifierAt, int number) {
        static Token of(Kind kind, int start) {
            return new Token(kind, start, "", Scope.TEXT, -1, -1);
        }
    }

    private final String q;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    /** Set for a query typed in capitals, where AND, OR and NOT are words of a sentence (see {@link #shouted}). */
    private final boolean operatorsAreWords;

    private QueryLexer(String q) {
        this.q = q;
        this.operatorsAreWords = shouted(q);
    }

    /**
     * A query with no lower-case letter and more than {@link QueryTranslator#STRICT_WORDS} words is a sentence typed
     * or pasted in capitals ("EFFORTS OF THE UN TO FREE ANGOLA AND MOZAMBIQUE"): its AND, OR and NOT are words, not
     * operators (they would have made it strict, or an OR of its halves). Shorter ones keep them:
     * {@code IRAN OR IRAQ}. {@code |} and {@code -} stay operators.
     */
    static boolean shouted(String q) {
        if (q.chars().anyMatch(Character::isLowerCase)) {
            return false;
        }
        int words = 0;
        for (String part : q.strip().split("\\s+")) {
            if (hasLetterOrDigit(part)) {
                words++;
            }
        }
        return words > QueryTranslator.STRICT_WORDS;
    }

    static List<Token> tokenize(String q) {
        QueryLexer lexer = new QueryLexer(q);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (i < q.length()) {
            char c = q.charAt(i);
            if (isSpace(i)) {
                i++;
            } else if (c == '(') {
                tokens.add(Token.of(Kind.LPAREN, i++));
            } else if (c == ')') {
                tokens.add(Token.of(Kind.RPAREN, i++));
            } else if (c == '|') {
                tokens.add(Token.of(Kind.OR, i));
                while (i < q.length() && q.charAt(i) == '|') {
                    i++;
                }
            } else if (isQuote(c)) {
                phrase();
            } else if (c == '-' && startsTermAt(i + 1)) {
                tokens.add(Token.of(Kind.MINUS, i++));
            } else {
                word();
            }
        }
        tokens.add(Token.of(Kind.EOF, q.length()));
    }

    private void word() {
        int start = i;
        StringBuilder text = new StringBuilder();
        boolean escaped = false;
        int star = -1;
        int starTextLength = 0;
        int tilde = -1;
        int tildeTextLength = 0;
        while (i < q.length() && !isWordBoundary(i)) {
            char c = q.charAt(i);
            if (c == '\\') {
                if (i + 1 >= q.length()) {
                    throw new QuerySyntaxException(i, "a backslash at the end escapes nothing",
                            "remove the backslash, or write \\\\ to search for one");
                }
                if (!isLoneSurrogate(i + 1)) {
                    text.append(q.charAt(i + 1));
                }
                escaped = true;
                i += 2;
                continue;
            }
            if (c == ':' && !escaped && star < 0 && tilde < 0 && fieldValueFollows(i)) {
                var scope = Scope.byPrefix(text.toString());
                if (scope.isPresent()) {
                    tokens.add(new Token(Kind.FIELD, start, text.toString(), scope.get(), -1, -1));
                    i++;
                    return;
                }
            }
            if (c == '*' && star < 0) {
                star = i;
                starTextLength = text.length();
            } else if (c == '~' && tilde < 0) {
                tilde = i;
                tildeTextLength = text.length();
            }
            text.append(c);
            i++;
        }
        int end = i;
        String word = text.toString();
        if (!escaped && !operatorsAreWords && (word.equals("OR") || word.equals("AND") || word.equals("NOT"))) {
            tokens.add(Token.of(Kind.valueOf(word), start));
        } else if (tilde >= 0 && (star < 0 || tilde < star)) {
            fuzzy(start, word.substring(0, tildeTextLength), tilde, end);
        } else if (star >= 0) {
            if (star != end - 1) {
                throw new QuerySyntaxException(star, "* works only at the end of a word",
                        "write the start of a word followed by *, e.g. negotiat*; escape a literal * as \\*");
            }
            tokens.add(new Token(Kind.PREFIX, start, word.substring(0, starTextLength), Scope.TEXT, -1, -1));
        } else if (hasLetterOrDigit(word)) {
            tokens.add(new Token(Kind.WORD, start, word, Scope.TEXT, -1, -1));
        }
    }

    private void fuzzy(int start, String stem, int tilde, int end) {
        if (!hasLetterOrDigit(stem)) {
            throw new QuerySyntaxException(tilde, "~ needs a word before it",
                    "write the word right before the ~, e.g. kadhafi~, or \"words near\"~5 after a phrase");
        }
        int edits = -1;
        if (tilde + 1 < end) {
            edits = number(tilde + 1, end);
            if (edits < 0) {
                throw new QuerySyntaxException(tilde, "~ after a word takes 1, 2 or nothing",
                        "write word~ (edits chosen by word length), word~1 or word~2; escape a literal ~ as \\~");
            }
        }
        tokens.add(new Token(Kind.FUZZY, start, stem, Scope.TEXT, tilde, edits));
    }

    private void phrase() {
        int open = i++;
        StringBuilder text = new StringBuilder();
        boolean closed = false;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < q.length()) {
                if (!isLoneSurrogate(i + 1)) {
                    text.append(q.charAt(i + 1));
                }
                i += 2;
            } else if (isQuote(c)) {
                i++;
                closed = true;
                break;
            } else {
                text.append(isSpace(i) ? ' ' : c);
                i++;
            }
        }
        if (!closed) {
            throw new QuerySyntaxException(open, "unclosed quote",
                    "add a closing \" or remove the opening one");
        }
        if (i < q.length() && q.charAt(i) == '~') {
            int tilde = i++;
            int digitsStart = i;
            while (i < q.length() && Character.isDigit(q.charAt(i))) {
                i++;
            }
            if (i == digitsStart) {
                throw new QuerySyntaxException(tilde, "~ after a phrase needs a number",
                        "write how many other words may come between, e.g. \"ceasefire talks\"~5");
            }
            if (i < q.length() && !isWordBoundary(i)) {
                throw new QuerySyntaxException(i, "unexpected text right after ~" + q.substring(digitsStart, i),
                        "put a space before the next word");
            }
            tokens.add(new Token(Kind.NEAR, open, text.toString(), Scope.TEXT, tilde, number(digitsStart, i)));
        } else if (i < q.length() && q.charAt(i) == '*') {
            throw new QuerySyntaxException(i, "* works only at the end of a word, not after a phrase",
                    "remove the *, or write the word without quotes, e.g. negotiat*");
        } else {
            tokens.add(new Token(Kind.PHRASE, open, text.toString(), Scope.TEXT, -1, -1));
        }
    }

    /** The value of the digits in {@code q[from, to)}, at most {@link Integer#MAX_VALUE}; -1 if one is no digit. */
    private int number(int from, int to) {
        long value = 0;
        for (int k = from; k < to; k++) {
            int digit = Character.digit(q.charAt(k), 10);
            if (digit < 0) {
                return -1;
            }
            value = Math.min(Integer.MAX_VALUE, value * 10 + digit);
        }
        return (int) value;
    }

    /** A field scope needs its value right after the colon; {@code Note: ...} stays plain text. */
    private boolean fieldValueFollows(int colon) {
        int next = colon + 1;
        return next < q.length() && !isSpace(next) && q.charAt(next) != ')' && q.charAt(next) != '|';
    }

    /** After a {@code -}: only something that starts a term makes it an exclusion ("Gaza - Israel" is no exclusion). */
    private boolean startsTermAt(int k) {
        if (k >= q.length() || isLoneSurrogate(k)) {
            return false;
        }
        char c = q.charAt(k);
        return c == '(' || c == '\\' || isQuote(c) || Character.isLetterOrDigit(q.codePointAt(k));
    }

    private boolean isWordBoundary(int k) {
        char c = q.charAt(k);
        return isSpace(k) || c == '(' || c == ')' || c == '|' || isQuote(c);
    }

    /**
     * Whitespace of any script, control characters, invisible direction marks (common in pasted Arabic) and broken
     * surrogates (which could not be sent to Elasticsearch as UTF-8) all separate words.
     */
    private boolean isSpace(int k) {
        char c = q.charAt(k);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || isInvisibleMark(c) || isLoneSurrogate(k);
    }

    private static boolean isInvisibleMark(char c) {
        return c == '\u200B' || c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private boolean isLoneSurrogate(int k) {
        char c = q.charAt(k);
        if (Character.isHighSurrogate(c)) {
            return k + 1 >= q.length() || !Character.isLowSurrogate(q.charAt(k + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return k == 0 || !Character.isHighSurrogate(q.charAt(k - 1));
        }
        return false;
    }

    /** Straight quotes and the typographic ones that word processors put in pasted text; any of them closes. */
    static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\uFF02';
    }

    static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
