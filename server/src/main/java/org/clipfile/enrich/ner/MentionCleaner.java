package org.clipfile.enrich.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.enrich.names.NameKeys;
import org.jspecify.annotations.Nullable;

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
    /** News agencies' names and sign-offs: the source of a story, never a person ("REUTER" closes every story). */
    private static final Set<String> WIRE_NAMES = Set.of("reuter", "reuters", "afp", "ap", "upi", "dpa", "ansa",
            "efe", "kyodo", "tass", "xinhua", "aap", "anp", "bernama");
    /**
     * Words after a name that make it a firm: "E.F. Hutton and Co", "Alex. Brown and Sons Inc", "Salomon Brothers".
     * Matched case-sensitively as whole words, optionally after a comma, "&" or "and".
     */
    private static final Pattern FIRM_SUFFIX = Pattern.compile(
            "^(?:,?\\s+(?:(?:&|and)\\s+)?(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Plc|PLC|LP|L\\.P|AG|SA|NV|BV|GmbH"
                    + "|Brothers|Bros|Sons|Partners|Associates|Securities|Holdings|Group|Industries|Enterprises"
                    + "|Capital|Investments?)\\b\\.?)+");
    private static final Pattern FIRM_WORD = Pattern.compile(
            "\\b(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Plc|PLC|Brothers|Bros|Sons|Partners|Associates|Securities"
                    + "|Holdings|Industries|Enterprises)\\b\\.?$");

    /** " and Phelps", " & Whitney": a second capitalised surname after a person's bare surname. */
    private static final Pattern SURNAME_PAIR = Pattern.compile("\\s+(?:and|&)\\s+(\\p{Lu}\\p{Ll}+)\\b(?!\\s+\\p{Lu})");

    /** A legal form or firm word anywhere in an organization's name. */
    private static final Pattern FIRM_NAME = Pattern.compile(
            "\\b(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Plc|PLC|AG|SA|NV|GmbH|Brothers|Bros|Sons|LP|L\\.P"
                    + "|Associates|Partners|Holdings)\\b");

    /** " and ": what joins a surname to the rest of a firm's name ("Harper and Row Publishers Inc"). */
    private static final Pattern AND = Pattern.compile("\\s+(?:and|&)\\s+");

    /** A poll or survey named after the firm that makes it: "a Harris poll", "the Gallup survey". */
    private static final Pattern POLL = Pattern.compile("\\s+(?:polls?|survey|opinion\\s+polls?)\\b");

    private MentionCleaner() {}

    /**
     * Whether the words between begin and end are read as a person's name. Not read at all is not enough: "Reagan and
     * Shultz" in a brief where the tagger missed Shultz would become a firm (measured on Reuters: one Reagan story
     * lost, against "Harper and Row" won).
     */
    private static boolean readAsPerson(List<Mention> mentions, int begin, int end) {
        return mentions.stream().anyMatch(m -> m.type() == MentionType.PERSON && m.begin() == begin && m.end() == end);
    }

    /** The firm's name (with a legal form or firm word) that follows the mention after " and ", if any. */
    private static @Nullable Mention firmAfterAnd(String text, Mention mention, List<Mention> mentions) {
        Matcher and = AND.matcher(text).region(mention.end(), text.length());
        if (!and.lookingAt()) {
            return null;
        }
        for (Mention other : mentions) {
            if (other.begin() == and.end() && other.type() == MentionType.ORGANIZATION
                    && FIRM_NAME.matcher(other.text()).find()) {
                return other;
            }
        }
        return null;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    /**
     * A single capitalised word that no person mention of the text extends ("Phelps", not "Baker" where the text
     * also names "James Baker"): a surname standing alone, as in a firm's name.
     */
    private static boolean isBareSurname(String word, List<Mention> mentions) {
        if (word.indexOf(' ') >= 0 || word.length() < 3 || !Character.isUpperCase(word.charAt(0))
                || word.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return false;
        }
        for (Mention other : mentions) {
            if (other.type() == MentionType.PERSON && other.text().endsWith(" " + word)) {
                return false;
            }
        }
        return true;
    }

    /** Words that are never a name on their own, nor all of one: "Co Inc", "Ltd", "and Co". */
    private static final Set<String> LEGAL_WORDS = Set.of("inc", "corp", "corporation", "co", "cos", "company", "ltd",
            "plc", "lp", "llc", "ag", "sa", "nv", "bv", "gmbh", "and", "&", "the", "of");
    /** Counts that begin a sentence before a name: "Two World Bank review teams". */
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "both", "several");
    /** Lower-case words that begin a name: "de Klerk", "van Agt", "al-Assad", "bin Laden". */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "del", "della", "di", "da", "dos", "du", "van",
            "von", "der", "den", "le", "la", "al", "el", "bin", "ibn", "ben", "abu", "ter", "ten", "y", "e");

    /** Drops junk mentions and trims a leading "the" and leading lower-case words ("two World Bank"). */
    public static List<Mention> clean(List<Mention> mentions) {
        List<Mention> kept = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            Mention trimmed = trimLowerCaseStart(trimArticle(mention));
            if (!isJunk(trimmed)) {
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
        // "non-OPEC" (countries) is what is not the group: no entity.
        if (lower.startsWith("non-") || lower.startsWith("non ")) {
            return true;
        }
        // "Co Inc", "Co Ltd": legal forms the tagger read without the firm's name.
        if (mention.type() != MentionType.LOCATION
                && java.util.Arrays.stream(lower.replace(".", "").replace(",", "").split("\\s+"))
                        .allMatch(LEGAL_WORDS::contains)) {
            return true;
        }
        // "REUTER" is the wire's sign-off and "AP" its dateline credit; as a group "Reuters" is a name ("told Reuters").
        if (WIRE_NAMES.contains(lower) && (mention.type() == MentionType.PERSON || allCaps && lower.equals("reuter"))) {
            return true;
        }
        // Names of people and organizations are capitalised; the tagger's lowercase hits are noise.
        return mention.type() != MentionType.LOCATION && text.chars().noneMatch(Character::isUpperCase);
    }

    /**
     * A person's name followed by a legal form or a firm word ("E.F. Hutton and Co", "Alex. Brown and Sons Inc") or
     * ending with one ("Salomon Brothers") is a firm: the mention becomes an organization, extended over the suffix.
     * Every other mention of the same name in the text follows (one sense per article).
     */
    public static List<Mention> firms(String text, List<Mention> mentions) {
        Set<String> firmNames = new HashSet<>();
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            if (mention.type() == MentionType.PERSON) {
                Matcher pair = SURNAME_PAIR.matcher(text).region(mention.end(), text.length());
                if (pair.lookingAt() && isBareSurname(mention.text(), mentions)
                        && isBareSurname(pair.group(1), mentions) && readAsPerson(mentions, pair.start(1),
                                pair.end(1))) {
                    // "Duff and Phelps", "Pratt and Whitney": two surnames, both read as people, that no one in the
                    // text is named by in full ("Reagan and Congress" is no firm: Congress is read as a group).
                    firmNames.add(mention.text());
                    out.add(new Mention(text.substring(mention.begin(), pair.end()), MentionType.ORGANIZATION,
                            mention.begin(), pair.end()));
                    continue;
                }
            }
            if (mention.type() == MentionType.PERSON && isBareSurname(mention.text(), mentions)) {
                Mention rest = firmAfterAnd(text, mention, mentions);
                if (rest != null) {
                    // "Harper and Row Publishers Inc", read as the person "Harper" and the firm "Row Publishers Inc".
                    firmNames.add(mention.text());
                    out.add(new Mention(text.substring(mention.begin(), rest.end()), MentionType.ORGANIZATION,
                            mention.begin(), rest.end()));
                    continue;
                }
                if (POLL.matcher(text).region(mention.end(), text.length()).lookingAt()) {
                    // "A Harris poll published on Sunday": a pollster.
                    firmNames.add(mention.text());
                    out.add(mention.withType(MentionType.ORGANIZATION));
                    continue;
                }
            }
            if (mention.type() != MentionType.ORGANIZATION) {
                Matcher suffix = FIRM_SUFFIX.matcher(text).region(mention.end(), text.length());
                if (suffix.lookingAt() && mention.type() == MentionType.PERSON) {
                    firmNames.add(mention.text());
                    int end = suffix.end();
                    out.add(new Mention(text.substring(mention.begin(), end), MentionType.ORGANIZATION,
                            mention.begin(), end));
                    continue;
                }
                if (mention.type() == MentionType.PERSON && FIRM_WORD.matcher(mention.text()).find()) {
                    firmNames.add(mention.text());
                    out.add(mention.withType(MentionType.ORGANIZATION));
                    continue;
                }
            }
            out.add(mention);
        }
        // "Santos" beside "Santos Ltd", "Harris" beside "Smith Barney, Harris Upham and Co Inc": a bare surname that is a
        // word of a firm's name in the same text is the firm (one sense per text).
        for (Mention mention : out) {
            if (mention.type() == MentionType.PERSON && isBareSurname(mention.text(), mentions)
                    && out.stream().anyMatch(o -> o.type() == MentionType.ORGANIZATION && FIRM_NAME.matcher(o.text()).find()
                            && containsWord(o.text(), mention.text()))) {
                firmNames.add(mention.text());
            }
        }
        if (firmNames.isEmpty()) {
            return out;
        }
        // Overlaps an extension made may have created (a suffix the tagger read as a name of its own) are dropped.
        List<Mention> result = new ArrayList<>(out.size());
        Mention last = null;
        out.sort(Comparator.comparingInt(Mention::begin));
        for (Mention mention : out) {
            Mention typed = mention.type() == MentionType.PERSON && firmNames.contains(mention.text())
                    ? mention.withType(MentionType.ORGANIZATION) : mention;
            if (last != null && typed.begin() < last.end()) {
                continue;
            }
            result.add(typed);
            last = typed;
        }
        return result;
    }

    /**
     * "two World Bank", "said Brown": leading words in lower case are no part of a name, unless a particle ("de
     * Klerk"). A name wholly in lower case is left as it is (and dropped as junk).
     */
    private static Mention trimLowerCaseStart(Mention mention) {
        String text = mention.text();
        int cut = 0;
        while (true) {
            int space = text.indexOf(' ', cut);
            if (space < 0) {
                break;
            }
            String word = text.substring(cut, space);
            boolean lower = !word.isEmpty() && word.chars().allMatch(c -> Character.isLowerCase(c) || c == '-' || c == '\'')
                    || NUMBER_WORDS.contains(word.toLowerCase(Locale.ROOT));
            if (!lower || NAME_PARTICLES.contains(word) || word.startsWith("al-") || word.startsWith("el-")) {
                break;
            }
            cut = space + 1;
        }
        if (cut == 0 || cut >= text.length() || text.substring(cut).chars().noneMatch(Character::isUpperCase)) {
            return mention;
        }
        return new Mention(text.substring(cut), mention.type(), mention.begin() + cut, mention.end());
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
     * and never overlap an existing mention. A name the text also uses as a lowercase word ("May", "may") is not
     * propagated: its other capitalised occurrences may be that word starting a sentence.
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
            if (!Character.isUpperCase(name.charAt(0)) || isAlsoACommonWord(text, name)) {
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

    /**
     * One type per name in an article, where the tagger hesitated: a name tagged both person and organization takes
     * its majority type ("Dries Mertens"); a single word tagged as a place or organization that is the surname of a
     * person named in full in the same article is that person ("Valeska Paris ... Paris claims"), unless it is a
     * country's name.
     *
     * @param isCountryName whether a text is exactly a country's name (never taken for a surname)
     */
    public static List<Mention> harmonizeTypes(List<Mention> mentions, Predicate<String> isCountryName) {
        Map<String, int[]> personOrOrganization = new HashMap<>();
        Set<String> surnames = new HashSet<>();
        for (Mention mention : mentions) {
            if (mention.type() != MentionType.LOCATION) {
                int[] counts = personOrOrganization.computeIfAbsent(mention.text(), t -> new int[2]);
                counts[mention.type() == MentionType.PERSON ? 0 : 1]++;
            }
            if (mention.type() == MentionType.PERSON) {
                List<String> tokens = NameKeys.keyTokens(mention.text());
                if (tokens.size() >= 2) {
                    surnames.add(tokens.getLast());
                }
            }
        }
        List<Mention> harmonized = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            MentionType type = mention.type();
            int[] counts = personOrOrganization.get(mention.text());
            if (type != MentionType.LOCATION && counts[0] != counts[1]) {
                type = counts[0] > counts[1] ? MentionType.PERSON : MentionType.ORGANIZATION;
            }
            if (type != MentionType.PERSON && mention.text().indexOf(' ') < 0
                    && surnames.contains(NameKeys.key(mention.text())) && !isCountryName.test(mention.text())) {
                type = MentionType.PERSON;
            }
            harmonized.add(type == mention.type() ? mention : mention.withType(type));
        }
        return harmonized;
    }

    private static boolean isAlsoACommonWord(String text, String name) {
        boolean allCaps = name.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (allCaps) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
            if (isWordBoundary(text, at - 1) && isWordBoundary(text, at + lower.length())) {
                return true;
            }
        }
        return false;
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
