package org.clipfile.enrich.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a statistical tagger gets wrong in a predictable way: pronouns tagged as people ("He", "his"), fragments
 * without letters, lowercase tags; and names it tags once but not at every occurrence ("Atme" found once in three).
 */
public final class MentionCleaner {
    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "you", "your", "yours", "he", "him",
            "his", "she", "her", "hers", "it", "its", "we", "our", "ours", "they", "them", "their", "theirs",
            "himself", "herself", "itself", "themselves", "who", "whom", "whose", "this", "that", "these", "those");
    /** Honorifics and words the tagger sometimes isolates; never a name on their own. */
    private static final Set<String> NEVER_A_NAME = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "madam",
            "the", "a", "an", "exit", "mobile", "version", "advertisement", "photo", "reuters photo");
    private static final int LONGEST_NAME = 100;

    private MentionCleaner() {}

    /** Drops junk mentions and trims a leading "the". */
    public static List<Mention> clean(List<Mention> mentions) {
        List<Mention> kept = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            Mention trimmed = trimArticle(mention);
            if (trimmed != null && !isJunk(trimmed)) {
                kept.add(trimmed);
            }
        }
        return kept;
    }

    static boolean isJunk(Mention mention) {
        String text = mention.text();
        if (text.length() < 2 || text.length() > LONGEST_NAME || text.chars().noneMatch(Character::isLetter)) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // An all-caps "US" or "IT" is a name, "us" and "It" are pronouns.
        boolean allCaps = text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (!allCaps && PRONOUNS.contains(lower)) {
            return true;
        }
        if (NEVER_A_NAME.contains(lower)) {
            return true;
        }
        // Names of people and organizations are capitalised; the tagger's lowercase hits are noise.
        return mention.type() != MentionType.LOCATION && text.chars().noneMatch(Character::isUpperCase);
    }

    private static Mention trimArticle(Mention mention) {
        String text = mention.text();
        for (String article : List.of("the ", "The ")) {
            if (text.startsWith(article) && text.length() > article.length()) {
                int cut = article.length();
                return new Mention(text.substring(cut), mention.type(), mention.begin() + cut, mention.end());
            }
        }
        return mention;
    }

    /**
     * Adds a mention at every other occurrence of a name already found in the same text, with the type the tagger
     * gave it most often ("one sense per discourse"). Occurrences are matched case-sensitively on word boundaries
     * and never overlap an existing mention.
     */
    public static List<Mention> propagate(String text, List<Mention> mentions) {
        Map<String, Map<MentionType, Integer>> typesByName = new HashMap<>();
        for (Mention mention : mentions) {
            typesByName.computeIfAbsent(mention.text(), name -> new HashMap<>()).merge(mention.type(), 1, Integer::sum);
        }
        List<Mention> all = new ArrayList<>(mentions);
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(Mention::begin));
        for (Map.Entry<String, Map<MentionType, Integer>> entry : typesByName.entrySet()) {
            String name = entry.getKey();
            if (!Character.isUpperCase(name.charAt(0))) {
                continue;
            }
            MentionType type = entry.getValue().entrySet().stream()
                    .max(Map.Entry.<MentionType, Integer>comparingByValue()
                            .thenComparing(e -> e.getKey().ordinal(), Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                if (isWordBoundary(text, at - 1) && isWordBoundary(text, end) && !covered(sorted, at, end)) {
                    Mention added = new Mention(name, type, at, end);
                    all.add(added);
                    insertSorted(sorted, added);
                }
            }
        }
        all.sort(Comparator.comparingInt(Mention::begin));
        return all;
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static boolean covered(List<Mention> sorted, int begin, int end) {
        for (Mention mention : sorted) {
            if (mention.begin() >= end) {
                return false;
            }
            if (mention.end() > begin) {
                return true;
            }
        }
        return false;
    }

    private static void insertSorted(List<Mention> sorted, Mention mention) {
        int i = 0;
        while (i < sorted.size() && sorted.get(i).begin() < mention.begin()) {
            i++;
        }
        sorted.add(i, mention);
    }
}
