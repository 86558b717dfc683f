package org.clipfile.enrich.catalogue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs of entities an editor split apart ("Baker" is not James Baker): {@link LinkDecider} never links the two, in
 * either direction, directly or through a third entity, until the veto is removed.
 */
public final class LinkVetoes {
    private static final LinkVetoes NONE = new LinkVetoes(Set.of());

    private final Set<List<String>> pairs;

    private LinkVetoes(Set<List<String>> pairs) {
        this.pairs = Set.copyOf(pairs);
    }

    public static LinkVetoes none() {
        return NONE;
    }

    /** Vetoes of these pairs of ids (each a list of two). */
    public static LinkVetoes of(Collection<List<String>> pairs) {
        Set<List<String>> ordered = new HashSet<>();
        for (List<String> pair : pairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("A veto is a pair of ids: " + pair);
            }
            ordered.add(ordered(pair.get(0), pair.get(1)));
        }
        return ordered.isEmpty() ? NONE : new LinkVetoes(ordered);
    }

    public boolean vetoed(String a, String b) {
        return !pairs.isEmpty() && pairs.contains(ordered(a, b));
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The pairs, each ordered. */
    public Set<List<String>> pairs() {
        return pairs;
    }

    private static List<String> ordered(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }
}
