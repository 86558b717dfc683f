package org.clipfile.search.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of a journalist's query: immutable, with the field scope already pushed down into every term, nested
 * AND/OR of the same kind flattened and double exclusions cancelled.
 */
public sealed interface QueryNode {

    /** An empty query (or one of punctuation only): every article. */
    record All() implements QueryNode {}

    /** Every clause must match; plain words side by side and {@code AND} both make one. */
    record And(List<QueryNode> clauses) implements QueryNode {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    /** At least one clause must match: {@code OR} or {@code |}. */
    record Or(List<QueryNode> clauses) implements QueryNode {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    /** The clause must not match: {@code -} or {@code NOT}. */
    record Not(QueryNode clause) implements QueryNode {}

    /** A leaf: some text searched in one scope. */
    sealed interface Term extends QueryNode {
        Scope scope();

        String text();
    }

    /** A plain word: stemmed in the text scopes, a one-word name in the name scopes, an exact value in source. */
    record Word(Scope scope, String text) implements Term {}

    /** {@code "exact phrase"}: these words in this order, without stemming, diacritics folded. */
    record Phrase(Scope scope, String text) implements Term {}

    /** {@code "words near"~N}: these words in any order, with at most N other words in the stretch that holds them. */
    record Near(Scope scope, String text, int maxGaps) implements Term {}

    /** {@code prefix*}: any word that starts with the text. */
    record Prefix(Scope scope, String text) implements Term {}

    /** {@code fuzzy~} or {@code fuzzy~N}: words within N edits ({@code null}: automatic by word length). */
    record Fuzzy(Scope scope, String text, @Nullable Integer edits) implements Term {}
}
