package org.clipfile.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.enrich.names.NameKeys;

/**
 * Finds where an article names its people, groups and places, so a reader can see them marked in the text. Names
 * are matched word by word, folded (case, diacritics, apostrophes and periods do not matter), longest name first.
 * A one-word name only matches a capitalised word, so the country "US" does not mark the pronoun "us".
 */
public final class MentionSpans {

    /** A name in a text: UTF-16 offsets {@code [start, end)}, the entity's id, type and display name. */
    public record Span(int start, int end, String type, String id, String name) {}

    private record Word(int start, int end, String folded, boolean capitalised) {}

    private record Candidate(String[] words, String type, String id, String name) {}

    private final Map<String, List<Candidate>> byFirstWord = new HashMap<>();

    public MentionSpans(Enrichment enrichment) {
        enrichment.people().forEach(e -> add(e.id(), "person", e.name(), e.variants()));
        enrichment.groups().forEach(e -> add(e.id(), "group", e.name(), e.variants()));
        enrichment.places().forEach(p -> add(p.id(), "place", p.name(), p.variants()));
        // Longer names first, so "Idlib province" wins over "Idlib".
        byFirstWord.values().forEach(list -> list.sort(
                Comparator.comparingInt((Candidate c) -> c.words().length).reversed()));
    }

    private void add(String id, String type, String name, List<String> variants) {
        List<String> names = new ArrayList<>(variants);
        names.addFirst(name);
        for (String variant : names) {
            String folded = NameKeys.fold(variant);
            if (folded.isEmpty()) {
                continue;
            }
            String[] words = folded.split(" ");
            List<Candidate> list = byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>());
            if (list.stream().noneMatch(c -> c.id().equals(id) && java.util.Arrays.equals(c.words(), words))) {
                list.add(new Candidate(words, type, id, name));
            }
        }
    }

    public List<Span> find(String text) {
        List<Word> words = words(text);
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
            String folded = NameKeys.fold(text.substring(start, end)).replace(" ", "");
            if (!folded.isEmpty()) {
                words.add(new Word(start, end, folded, Character.isUpperCase(text.codePointAt(start))));
            }
        }
        return words;
    }

    private static boolean isInnerMark(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BE' || c == '\u02BF';
    }
}
