package org.clipfile.search.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.search.query.QueryLexer.Kind;
import org.clipfile.search.query.QueryLexer.Token;
import org.clipfile.search.query.QueryNode.All;
import org.clipfile.search.query.QueryNode.And;
import org.clipfile.search.query.QueryNode.Fuzzy;
import org.clipfile.search.query.QueryNode.Near;
import org.clipfile.search.query.QueryNode.Not;
import org.clipfile.search.query.QueryNode.Or;
import org.clipfile.search.query.QueryNode.Phrase;
import org.clipfile.search.query.QueryNode.Prefix;
import org.clipfile.search.query.QueryNode.Word;
import org.jspecify.annotations.Nullable;

/**
 * Parses the journalists' query language into a {@link QueryNode} tree. Pure, thread-safe, linear in the length of the
 * query; every failure is a {@link QuerySyntaxException} with a position inside the query and a hint.
 *
 * <h2>Language</h2>
 * <pre>
 * ceasefire idlib          both words (AND is implicit), stemmed: "raids" finds "raid"
 * "exact phrase"           these words in this order; not stemmed, diacritics folded
 * "words near"~5           these words in any order with at most 5 other words in between
 * kirby OR blinken         either; | is the same as OR
 * a AND b                  the same as a b
 * -word  -"a phrase"  -(a OR b)  -person:kirby  NOT word     exclusion
 * negotiat*                words starting with "negotiat" (at least 3 letters or digits before the *)
 * kadhafi~  kadhafi~1      words within 1 or 2 edits (~ alone: 0 to 2 by word length)
 * (a OR b) c               parentheses group
 * title:  person:  group:  place:  source:     field scope, applied to the one term that follows
 * </pre>
 *
 * <h2>Grammar and precedence</h2>
 * <pre>
 * query   := and EOF
 * and     := or ( ["AND"] or )*          lowest: juxtaposition and AND
 * or      := unary ( ("OR" | "|") unary )*
 * unary   := ("-" | "NOT") unary | primary
 * primary := field ":" value | value
 * value   := "(" and ")" | "\"" text "\"" ["~" N] | word ["*" | "~" [N]]
 * </pre>
 * OR binds tighter than AND, as in web search engines: {@code iran talks OR negotiations} means
 * {@code iran AND (talks OR negotiations)}. Exclusion binds tightest. {@code OR}, {@code AND}, {@code NOT} are
 * operators only in capitals; in lower case they are words.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>A field scope applies to the single word, phrase or parenthesised group right after the colon, with no space:
 *       {@code person:john kirby} is the person "john" and the word "kirby"; write {@code person:"john kirby"}.
 *   <li>Field names are recognised in any letter case. A colon after any other word, or followed by a space, is plain
 *       text ({@code Note: ...}, {@code Source: the ministry}).
 *   <li>Scopes cannot be nested ({@code title:(person:x)} is an error); {@code source:} takes no {@code ~}.
 *   <li>A {@code -} starts an exclusion only when a letter, digit, quote, {@code (} or backslash follows it, so
 *       {@code Gaza - Israel} and {@code --} are plain text.
 *   <li>Words with no letter or digit ({@code &}, {@code —}) are dropped; an empty query matches everything, and so
 *       does a query of exclusions only, minus what is excluded.
 *   <li>{@code \} escapes the next character: {@code \-1}, {@code \"}, {@code \OR}, {@code \(}. Straight and
 *       typographic quotes ({@code " “ ” „}) are all quotes.
 * </ul>
 */
public final class QueryParser {
    /**
     * Characters of a word searched with {@code ~}. Elasticsearch builds an automaton of every spelling within the
     * edits, for the query and again for highlighting, and its size grows with the word: 64 fuzzy words of 30
     * letters made one search ask for more than 300 MB (the request circuit breaker of a 512 MB node refused it, a
     * 503 to the journalist), 64 of 20 letters were answered in 0.6 s. Names and words worth a typo's tolerance
     * are shorter.
     */
    static final int FUZZY_MOST_CHARACTERS = 20;

    private final QueryLimits limits;

    public QueryParser() {
        this(QueryLimits.DEFAULT);
    }

    public QueryParser(QueryLimits limits) {
        this.limits = limits;
    }

    public QueryNode parse(String q) {
        if (q.length() > limits.maxLength()) {
            throw new QuerySyntaxException(limits.maxLength(), "the query is too long: " + q.length()
                    + " characters, at most " + limits.maxLength(), "shorten the query, or split it in two searches");
        }
        int ideographs = 0;
        for (int i = 0; i < q.length(); i += Character.charCount(q.codePointAt(i))) {
            if (AnalyzedTerms.ideograph(q.codePointAt(i)) && ++ideographs > limits.maxIdeographs()) {
                throw new QuerySyntaxException(i, "the query holds more than " + limits.maxIdeographs()
                        + " Chinese characters or kana, each of which is searched as a word",
                        "shorten the query, or split it in two searches");
            }
        }
        return new Run(QueryLexer.tokenize(q)).query();
    }

    /** One parse: a cursor over the tokens and the number of terms so far. */
    private final class Run {
        private final List<Token> tokens;
        private int next;
        private int terms;

        Run(List<Token> tokens) {
            this.tokens = tokens;
        }

        QueryNode query() {
            if (peek().kind() == Kind.EOF) {
                return new All();
            }
            QueryNode node = and(0, null);
            Token rest = peek();
            if (rest.kind() != Kind.EOF) {
                // and() stops only at the end or at a ) that no ( opened
                throw new QuerySyntaxException(rest.start(), "unmatched ): no ( opens it",
                        "remove the ), or add a ( where the group starts");
            }
            return node;
        }

        private QueryNode and(int depth, @Nullable Scope scope) {
            List<QueryNode> clauses = new ArrayList<>();
            while (peek().kind() != Kind.EOF && peek().kind() != Kind.RPAREN) {
                Token token = peek();
                if (token.kind() == Kind.AND) {
                    if (clauses.isEmpty()) {
                        throw operatorWithout(token, "AND", "before");
                    }
                    advance();
                    if (!startsTerm(peek())) {
                        throw operatorWithout(token, "AND", "after");
                    }
                } else if (token.kind() == Kind.OR) {
                    throw operatorWithout(token, "OR", "before");
                }
                clauses.add(or(depth, scope));
            }
            return clauses.size() == 1 ? clauses.getFirst() : new And(flatten(clauses, And.class));
        }

        private QueryNode or(int depth, @Nullable Scope scope) {
            List<QueryNode> options = new ArrayList<>();
            options.add(unary(depth, scope));
            while (peek().kind() == Kind.OR) {
                Token or = advance();
                if (!startsTerm(peek())) {
                    throw operatorWithout(or, "OR", "after");
                }
                options.add(unary(depth, scope));
            }
            return options.size() == 1 ? options.getFirst() : new Or(flatten(options, Or.class));
        }

        private QueryNode unary(int depth, @Nullable Scope scope) {
            boolean excluded = false;
            while (peek().kind() == Kind.MINUS || peek().kind() == Kind.NOT) {
                Token not = advance();
                excluded = !excluded;
                if (!startsTerm(peek())) {
                    throw not.kind() == Kind.NOT ? operatorWithout(not, "NOT", "after")
                            : new QuerySyntaxException(not.start(), "- needs a word after it",
                                    "write -word to exclude a word, or \\- to search for a hyphen");
                }
            }
            QueryNode node = primary(depth, scope);
            if (!excluded) {
                return node;
            }
            return node instanceof Not not ? not.clause() : new Not(node);
        }

        private QueryNode primary(int depth, @Nullable Scope scope) {
            Token token = advance();
            return switch (token.kind()) {
                case FIELD -> scoped(token, depth, scope);
                case LPAREN -> group(token, depth, scope);
                case WORD, PHRASE, NEAR, PREFIX, FUZZY -> term(token, scope == null ? Scope.TEXT : scope);
                // unary() and and() only call primary() on a token that starts a term
                default -> throw new QuerySyntaxException(token.start(), "unexpected " + token.kind(),
                        "check the operators and parentheses around here");
            };
        }

        private QueryNode scoped(Token field, int depth, @Nullable Scope outer) {
            Scope scope = field.scope();
            if (outer != null) {
                throw new QuerySyntaxException(field.start(), scope.prefix() + ": cannot be inside " + outer.prefix()
                        + ":", "give each field its own group, e.g. title:(talks) person:(kirby)");
            }
            Kind value = peek().kind();
            if (value != Kind.WORD && value != Kind.PHRASE && value != Kind.NEAR && value != Kind.PREFIX
                    && value != Kind.FUZZY && value != Kind.LPAREN && value != Kind.FIELD) {
                throw new QuerySyntaxException(field.start(), scope.prefix()
                        + ": needs a word, a \"phrase\" or a (group) right after the colon",
                        "e.g. " + scope.prefix() + ":word or " + scope.prefix() + ":(a OR \"b c\"); to exclude,"
                                + " write -" + scope.prefix() + ":word");
            }
            return primary(depth, scope);
        }

        private QueryNode group(Token open, int depth, @Nullable Scope scope) {
            if (depth + 1 > limits.maxDepth()) {
                throw new QuerySyntaxException(open.start(), "parentheses nested too deeply: at most "
                        + limits.maxDepth() + " levels", "remove some parentheses");
            }
            if (peek().kind() == Kind.RPAREN) {
                throw new QuerySyntaxException(open.start(), "empty parentheses",
                        "put words between ( and ), or remove them");
            }
            QueryNode inner = and(depth + 1, scope);
            if (peek().kind() != Kind.RPAREN) {
                throw new QuerySyntaxException(open.start(), "unclosed parenthesis",
                        "add a closing ) or remove this (");
            }
            advance();
            return inner;
        }

        private QueryNode term(Token token, Scope scope) {
            // Plain words of the text or title become one multi_match per level, whatever their number (a pasted
            // paragraph is searched, bounded by the length limit); the other terms are a query each.
            boolean plainWord = token.kind() == Kind.WORD && (scope == Scope.TEXT || scope == Scope.TITLE);
            if (!plainWord && ++terms > limits.maxClauses()) {
                throw new QuerySyntaxException(token.start(), "too many terms: at most " + limits.maxClauses()
                        + " phrases, prefixes, fuzzy words and scoped terms (plain words are not counted)",
                        "remove some terms, or split the search in two");
            }
            String text = clean(token.text());
            return switch (token.kind()) {
                case WORD -> new Word(scope, text);
                case PHRASE -> new Phrase(scope, nonEmptyPhrase(token, text));
                case NEAR -> near(token, scope, nonEmptyPhrase(token, text));
                case PREFIX -> prefix(token, scope, text);
                case FUZZY -> fuzzy(token, scope, text);
                default -> throw new IllegalStateException("not a term: " + token);
            };
        }

        private Near near(Token token, Scope scope, String text) {
            if (scope == Scope.SOURCE) {
                throw new QuerySyntaxException(token.modifierAt(), "source: takes an exact name; ~ does not apply",
                        "remove the ~ and its number");
            }
            if (token.number() > limits.maxProximity()) {
                throw new QuerySyntaxException(token.modifierAt(), "~" + token.number() + " is too far: at most ~"
                        + limits.maxProximity() + " words apart", "use a smaller number after the ~");
            }
            return new Near(scope, text, token.number());
        }

        private Prefix prefix(Token token, Scope scope, String stem) {
            if (stem.isEmpty()) {
                throw new QuerySyntaxException(token.start(), "* needs the start of a word before it",
                        "write e.g. negotiat*; an empty query lists every article");
            }
            // in analyzed fields only the last word part becomes the prefix ("al-qa*": "qa*")
            int letters = scope == Scope.SOURCE ? countLettersOrDigits(stem) : trailingLettersOrDigits(stem);
            if (letters < limits.minPrefixLength()) {
                throw new QuerySyntaxException(token.start(), "\"" + stem + "*\" is too short: at least "
                        + limits.minPrefixLength() + " letters or digits before the *",
                        "type more letters before the *, or remove the *");
            }
            return new Prefix(scope, stem);
        }

        private Fuzzy fuzzy(Token token, Scope scope, String text) {
            if (scope == Scope.SOURCE) {
                throw new QuerySyntaxException(token.modifierAt(), "source: takes an exact name; ~ does not apply",
                        "remove the ~, or use source:prefix*");
            }
            int edits = token.number();
            if (edits == 0 || edits > limits.maxFuzzyEdits()) {
                throw new QuerySyntaxException(token.modifierAt(), "~" + edits + " is not a fuzzy distance: at most "
                        + limits.maxFuzzyEdits() + " letters may differ", "write word~1, word~"
                        + limits.maxFuzzyEdits() + ", or word~ to let the length of the word decide");
            }
            if (text.codePointCount(0, text.length()) > FUZZY_MOST_CHARACTERS) {
                throw new QuerySyntaxException(token.start(), "\"" + text + "~\" is too long for a fuzzy word: at most "
                        + FUZZY_MOST_CHARACTERS + " characters", "remove the ~, or search the word exactly");
            }
            return new Fuzzy(scope, text, edits < 0 ? null : edits);
        }

        private String nonEmptyPhrase(Token token, String text) {
            if (!QueryLexer.hasLetterOrDigit(text)) {
                throw new QuerySyntaxException(token.start(), "nothing to search between the quotes",
                        "put words between the quotes, or remove them");
            }
            return text;
        }

        private QuerySyntaxException operatorWithout(Token operator, String name, String side) {
            return new QuerySyntaxException(operator.start(), name + " needs a word " + side + " it",
                    "remove " + name + ", or put a word, a \"phrase\" or a (group) " + side + " it; to search for the"
                            + " word itself, write \"" + name + "\"");
        }

        private boolean startsTerm(Token token) {
            return switch (token.kind()) {
                case WORD, PHRASE, NEAR, PREFIX, FUZZY, FIELD, LPAREN, MINUS, NOT -> true;
                default -> false;
            };
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token advance() {
            return tokens.get(next++);
        }
    }

    /** Inlines children of the same kind: {@code a (b c)} is {@code a b c}. */
    private static List<QueryNode> flatten(List<QueryNode> clauses, Class<? extends QueryNode> kind) {
        List<QueryNode> flat = new ArrayList<>();
        for (QueryNode clause : clauses) {
            if (clause instanceof And and && kind == And.class) {
                flat.addAll(and.clauses());
            } else if (clause instanceof Or or && kind == Or.class) {
                flat.addAll(or.clauses());
            } else {
                flat.add(clause);
            }
        }
        return flat;
    }

    /** Composed characters (a pasted "e" + combining accent would not fold), single spaces, no ends. */
    private static String clean(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private static int countLettersOrDigits(String text) {
        return (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** Accents and vowel signs (Arabic harakat) belong to the word but do not count as letters. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int trailingLettersOrDigits(String text) {
        int count = 0;
        for (int k = text.length(); k > 0; ) {
            int cp = text.codePointBefore(k);
            if (Character.isLetterOrDigit(cp)) {
                count++;
            } else if (!isMark(cp)) {
                break;
            }
            k -= Character.charCount(cp);
        }
        return count;
    }
}
