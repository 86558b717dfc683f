package org.clipfile.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.jspecify.annotations.Nullable;

/**
 * Who and where a story is about, for telling copies apart where the body's words cannot: the article's people,
 * groups and places as enrichment resolved them (title and body), the most mentioned first, at most {@link #MAX}, each
 * as a key of its type and its resolved name's words ({@code group:bank-of-montreal}, {@code place:omaha}). Template
 * notices share their words and differ in these ("Bank of Montreal" and "Bank of Nova Scotia" cut their prime rate;
 * hog prices at St Paul and at Omaha); a reprint keeps most of them even with a paragraph dropped.
 *
 * <p>Two names match when the words of one (without legal forms and small words) are all among the other's, or one is
 * the other's initials: one article resolves "Investors Federal Bank of El Reno" where its copy has "Investors
 * Federal Bank", or "NYSE" where its copy spells out New York Stock Exchange; ids alone would split such copies.
 */
public final class StoryNames {
    /** Names kept per article: the most mentioned, enough to tell a story's subject, bounded in size. */
    public static final int MAX = 16;
    /** Words of a name that do not tell one name from another. */
    private static final Set<String> SMALL = Set.of("of", "the", "and", "de", "inc", "co", "corp", "corporation",
            "ltd", "plc", "llc", "na", "sa", "ag", "nv", "company", "cos", "group", "holdings", "incorporated");

    private StoryNames() {}

    private record Named(String key, int mentions) {}

    /** The article's names as stored beside its sketch ({@code dup.names}); empty without enrichment. */
    public static List<String> of(@Nullable Enrichment enrichment) {
        if (enrichment == null) {
            return List.of();
        }
        List<Named> named = new ArrayList<>();
        for (EntityFacet person : enrichment.people()) {
            named.add(new Named(key("person", person.name()), person.mentions()));
        }
        for (EntityFacet group : enrichment.groups()) {
            named.add(new Named(key("group", group.name()), group.mentions()));
        }
        for (PlaceFacet place : enrichment.places()) {
            named.add(new Named(key("place", place.name()), place.mentions()));
        }
        return named.stream()
                .filter(n -> n.key().indexOf(':') < n.key().length() - 1)
                .sorted(Comparator.comparingInt((Named n) -> -n.mentions()).thenComparing(Named::key))
                .map(Named::key).distinct().limit(MAX).toList();
    }

    /** {@code type:words-of-the-name}: lower-cased, accents removed, runs of letters and digits. */
    static String key(String type, String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(type).append(':');
        int start = key.length();
        for (String word : folded.split("[^\\p{L}\\p{Nd}]+")) {
            if (!word.isEmpty()) {
                key.append(key.length() > start ? "-" : "").append(word);
            }
        }
        return key.length() > 200 ? key.substring(0, 200) : key.toString();
    }

    /**
     * Whether two articles are about the same people, groups and places: when both have names, at least
     * {@code share} of the smaller set matches a name of the other. When either has none (not enriched, stored before
     * names were, or naming nobody) the check does not apply.
     */
    public static boolean agree(List<String> mine, List<String> other, double share) {
        return agree(mine, other, share, false);
    }

    /**
     * The same, and with {@code bothOrNeither} an article that names someone is not a copy of one enriched to name
     * no one, nor the reverse: template briefs often name their company in a line the recognizer misses in one and
     * finds in the other. Null names are unknown (not enriched, or stored before names were): the check does not
     * apply.
     */
    public static boolean agree(@Nullable List<String> mine, @Nullable List<String> other, double share,
            boolean bothOrNeither) {
        if (mine == null || other == null || (mine.isEmpty() && other.isEmpty())) {
            return true;
        }
        if (mine.isEmpty() || other.isEmpty()) {
            return !bothOrNeither;
        }
        List<Name> a = names(mine);
        List<Name> b = names(other);
        List<Name> smaller = a.size() <= b.size() ? a : b;
        List<Name> larger = smaller == a ? b : a;
        int matched = 0;
        for (Name name : smaller) {
            if (larger.stream().anyMatch(o -> match(name, o))) {
                matched++;
            }
        }
        return matched >= share * smaller.size();
    }

    /** A name's type ({@code person}, {@code group}, {@code place}) and its telling words. */
    record Name(String type, Set<String> words) {}

    /** The distinct names with their telling words (names of small words only are dropped). */
    static List<Name> names(List<String> keys) {
        List<Name> names = new ArrayList<>(keys.size());
        for (String key : keys) {
            Set<String> words = new java.util.LinkedHashSet<>();
            for (String word : key.substring(key.indexOf(':') + 1).split("-")) {
                if (!word.isEmpty() && !SMALL.contains(word)) {
                    words.add(word);
                }
            }
            Name name = new Name(key.substring(0, Math.max(0, key.indexOf(':'))), words);
            if (!words.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * One name's words all among the other's, or one name the initials of the other. A one-word name matches a longer
     * one only of its own type ("Baker" is James Baker; a person "Franklin" is not the Franklin Puerto Rico fund).
     */
    static boolean match(Name one, Name other) {
        return within(one, other) || within(other, one) || initials(one.words(), other.words())
                || initials(other.words(), one.words());
    }

    private static boolean within(Name part, Name whole) {
        return whole.words().containsAll(part.words())
                && (part.words().size() >= 2 || part.words().equals(whole.words()) || part.type().equals(whole.type()));
    }

    private static boolean initials(Set<String> acronym, Set<String> name) {
        if (acronym.size() != 1 || name.size() < 2) {
            return false;
        }
        StringBuilder letters = new StringBuilder();
        name.forEach(w -> letters.append(w.charAt(0)));
        return acronym.iterator().next().equals(letters.toString());
    }
}
