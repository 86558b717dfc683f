package org.clipfile.search.query;

import java.util.Locale;
import java.util.Optional;

/** Where a term is searched: the article text by default, or one field named by a {@code field:} prefix. */
public enum Scope {
    /** Title and body: no prefix. */
    TEXT(""),
    TITLE("title"),
    PERSON("person"),
    GROUP("group"),
    PLACE("place"),
    SOURCE("source");

    private final String prefix;

    Scope(String prefix) {
        this.prefix = prefix;
    }

    /** The name a journalist types before the colon; empty for {@link #TEXT}. */
    public String prefix() {
        return prefix;
    }

    /** True for the entity-name scopes, whose text passes through the name normalizer and is matched as a name. */
    public boolean isName() {
        return this == PERSON || this == GROUP || this == PLACE;
    }

    /** The scope a field name stands for, in any letter case; empty for names that are no field (then plain text). */
    static Optional<Scope> byPrefix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope != TEXT && scope.prefix.equals(lower)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
