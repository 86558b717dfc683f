package org.clipfile.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The character classes of Elasticsearch's {@code token_chars} setting. */
final class TokenChars {
    enum Kind {
        LETTER,
        DIGIT,
        WHITESPACE,
        PUNCTUATION,
        SYMBOL
    }

    private final Set<Kind> kinds;

    private TokenChars(Set<Kind> kinds) {
        this.kinds = kinds;
    }

    static TokenChars of(List<String> names) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String name : names) {
            try {
                kinds.add(Kind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown token_chars class [" + name + "]; expected one of "
                        + EnumSet.allOf(Kind.class).toString().toLowerCase(Locale.ROOT));
            }
        }
        return new TokenChars(kinds);
    }

    boolean acceptsAll() {
        return kinds.isEmpty();
    }

    boolean accepts(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK -> kinds.contains(Kind.LETTER);
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> kinds.contains(
                    Kind.DIGIT);
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> kinds.contains(
                    Kind.WHITESPACE);
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> kinds.contains(Kind.SYMBOL);
            case Character.CONTROL -> Character.isWhitespace(codePoint) && kinds.contains(Kind.WHITESPACE);
            default -> kinds.contains(Kind.PUNCTUATION);
        };
    }
}
