package org.clipfile.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.entity.Enrichment;
import org.jspecify.annotations.Nullable;

/**
 * Finds where an article names its people, groups and places, so a reader can see them marked in the text. Names
 * are matched word by word, folded (case, diacritics, apostrophes and periods do not matter), longest name first.
 * A one-word name only matches a capitalised word, so the country "US" does not mark the pronoun "us".
 */
public final class MentionSpans {

    /** A name in a text: UTF-16 offsets {@code [start, end)}, the entity's id, type and display name. */
    public record Span(int start, int end, String type, String id, String name) {}

    /**
     * An entity to look for: id, type ({@code person}, {@code group}, {@code place}), display name and the name
     * variants stored with it (already folded by {@link NameKeys}; anything else is folded here).
     */
    public record Named(String id, String type, String name, List<String> variants) {}

    private record Word(int start, int end, String folded, boolean capitalised) {}

    private record Candidate(String[] words, String type, String id, String name) {}

    private final Map<String, List<Candidate>> byFirstWord = new HashMap<>();

    public MentionSpans(Enrichment enrichment) {
        this(named(enrichment), null);
    }

    /**
     * @param present when not null, the folded words of the only text to be searched: names whose first word is
     *     not among them are skipped before any folding (a snippet names few of an article's entities)
     */
    private MentionSpans(Iterable<Named> entities, @Nullable Set<String> present) {
        for (Named entity : entities) {
            add(entity, present);
        }
        // Longer names first, so "Idlib province" wins over "Idlib".
        byFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((Candidate c) -> c.words().length).reversed()));
    }

    /**
     * The spans of {@code text} that name one of {@code entities}: the same as building a {@code MentionSpans}
     * and calling {@link #find(String)}, but only the names that can occur in this text are prepared. For short
     * texts (search snippets) against articles with many entities.
     */
    public static List<Span> find(String text, Iterable<Named> entities) {
        List<Word> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        words.forEach(w -> present.add(w.folded()));
        return new MentionSpans(entities, present).find(words);
    }

    private static List<Named> named(Enrichment enrichment) {
        List<Named> named = new ArrayList<>();
        enrichment.people().forEach(e -> named.add(new Named(e.id(), "person", e.name(), e.variants())));
        enrichment.groups().forEach(e -> named.add(new Named(e.id(), "group", e.name(), e.variants())));
        enrichment.places().forEach(p -> named.add(new Named(p.id(), "place", p.name(), p.variants())));
        return named;
    }

    private void add(Named entity, @Nullable Set<String> present) {
        addName(entity, entity.name(), present);
        for (String variant : entity.variants()) {
            addName(entity, variant, present);
        }
    }

    private void addName(Named entity, String name, @Nullable Set<String> present) {
        if (present != null) {
            String first = plainFirstWord(name);
            if (first != null && !present.contains(first)) {
                return;
            }
        }
        String folded = NameKeys.fold(name);
        if (folded.isEmpty()) {
            return;
        }
        String[] words = folded.split(" ");
        if (present != null && !present.contains(words[0])) {
            return;
        }
        List<Candidate> list = byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>());
        if (list.stream().noneMatch(c -> c.id().equals(entity.id()) && Arrays.equals(c.words(), words))) {
            list.add(new Candidate(words, entity.type(), entity.id(), entity.name()));
        }
    }

    /**
     * The folded first word of a name when it can be had without folding: a run of ASCII letters and digits that
     * ends the name or is followed by a space or hyphen ("Kirby", "al-Sham"); null otherwise ("U.S.", "Ḥamāh").
     */
    private static @Nullable String plainFirstWord(String name) {
        int end = 0;
        while (end < name.length() && isAsciiLetterOrDigit(name.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < name.length() && name.charAt(end) != ' ' && name.charAt(end) != '-')) {
            return null;
        }
        return name.substring(0, end).toLowerCase(Locale.ROOT);
    }

    public List<Span> find(String text) {
        return find(words(text));
    }

    private List<Span> find(List<Word> words) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Candidate match = null;
            for (Candidate candidate : byFirstWord.getOrDefault(words.get(i).folded(), List.of())) {
                if (matches(candidate, words, i)) {
                    match = candidate;
                    break;
                }
            }
            if (match == null) {
                i++;
                continue;
            }
            Word last = words.get(i + match.words().length - 1);
            spans.add(new Span(words.get(i).start(), last.end(), match.type(), match.id(), match.name()));
            i += match.words().length;
        }
        return spans;
    }

    private static boolean matches(Candidate candidate, List<Word> words, int from) {
        String[] wanted = candidate.words();
        if (from + wanted.length > words.size()) {
            return false;
        }
        if (wanted.length == 1 && !words.get(from).capitalised()) {
            return false;
        }
        for (int k = 0; k < wanted.length; k++) {
            if (!wanted[k].equals(words.get(from + k).folded())) {
                return false;
            }
        }
        return true;
    }

    /** Runs of letters and digits, with apostrophes and periods inside them (O'Brien, U.S.). */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int end = i;
            while (i < n) {
                int d = text.codePointAt(i);
                if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                    i += Character.charCount(d);
                    end = i;
                } else if (isInnerMark(d) && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
                    i += Character.charCount(d);
                } else if (d == '.' && i + 1 < n && Character.isLetter(text.codePointAt(i + 1))
                        && i > start && i - start <= 2) {
                    i++;
                } else {
                    break;
                }
            }
            String word = text.substring(start, end);
            String folded = isPlainAscii(word) ? word.toLowerCase(Locale.ROOT)
                    : NameKeys.fold(word).replace(" ", "");
            if (!folded.isEmpty()) {
                words.add(new Word(start, end, folded, Character.isUpperCase(text.codePointAt(start))));
            }
        }
        return words;
    }

    /** ASCII letters and digits only: folding is lowercasing. */
    private static boolean isPlainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!isAsciiLetterOrDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isInnerMark(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BE' || c == '\u02BF';
    }
}
