package org.clipfile.enrich.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisations (and sites) the 3-class tagger misses or mistypes, found from the shape of their names and their
 * context, with no list of names:
 * <ol>
 *   <li>a capitalised sequence headed by an organisation noun ("Greek Ministry of Culture", "Saudi Gazette",
 *       "Municipality of Livorno") is a group: added when untagged, retyped when tagged as a person with the same
 *       span, and extended over a shorter mention inside it (the place "Livorno" in "Municipality of Livorno");
 *       one headed by a site noun ("Johnson Space Center", "Museum of Flight") is a place, even when tagged as an
 *       organisation;
 *   <li>a capitalised name after "member(s) of" ("a member of Scientology", "members of the Sea Org") is a group;
 *   <li>the bare name of a church or movement known by a longer name ("Scientology" after "Church of
 *       Scientology") is that group, unless the text uses it as a common word as often;
 *   <li>an acronym defined in parentheses takes the type of the name it abbreviates, at every mention ("Kennedy
 *       Space Center (KSC)"), and a name the tagger cut before it becomes a group ("Movimento 5 Stelle (M5S)").
 * </ol>
 * A sequence that is a known place name ("West Bank") is never made a group, and a place or group the tagger found
 * with the same span is not made a group. Linking a short form to its group is the entity resolver's work.
 */
public final class OrganizationNames {
    /** Nouns that head the name of an organisation, whatever precedes or follows them. */
    private static final Set<String> HEAD_NOUNS = Set.of("University", "College", "Party", "Council", "Ministry",
            "Agency", "Church", "Institute", "Association", "Committee", "Commission", "Department", "Bank",
            "Corporation", "Corp", "Inc", "Inc.", "Ltd", "Ltd.", "Company", "Foundation", "Union", "League", "Club",
            "Court", "Army", "Police", "Society", "Conference", "Federation", "Organization", "Organisation",
            "Authority", "Bureau", "Government", "Parliament", "Assembly", "Congress", "Senate", "Navy",
            "Gazette", "Times", "Herald", "Tribune", "Journal", "Press", "News", "Chronicle", "Telegraph", "Post",
            "Municipality", "Brigade", "Brigades", "Movement", "Front", "Airlines", "Airways");
    /** Nouns that head the name of a building or site: a place one can go to, whoever runs it. */
    private static final Set<String> FACILITY_NOUNS = Set.of("Museum", "Airport", "Station", "Stadium", "Hotel",
            "Hospital", "Tower", "Towers", "Mosque", "Cathedral", "Bridge", "Palace", "Complex", "Gallery",
            "Galleries");
    /** "Center" names a site only after words like these ("Space Center"); "Center for Policy Studies" is a group. */
    private static final Set<String> SITE_QUALIFIERS = Set.of("Space", "Science", "Visitor", "Convention",
            "Shopping", "Medical", "Art", "Arts", "Trade", "Exhibition");
    /** Heads whose complement alone also names the organisation: a faith or movement by its bare name. */
    private static final Set<String> BARE_NAME_HEADS = Set.of("Church", "Movement", "Order", "Temple");
    /** Capitalised at a sentence start or as a determiner, never the first word of an organisation's name. */
    private static final Set<String> NOT_A_FIRST_WORD = Set.of("The", "A", "An", "In", "On", "At", "For", "By",
            "From", "To", "After", "Before", "When", "While", "But", "And", "Or", "If", "As", "With", "Under",
            "Since", "During", "Yesterday", "Today", "Meanwhile", "According", "This", "That", "These", "Those",
            "Its", "Their", "His", "Her", "Our", "My", "Your", "Both", "Former", "Then", "Members", "Member");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "&", "de", "the");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}&][\\p{L}\\p{N}&.'\u2019\\-]*");
    /** An acronym defined in parentheses right after a name: "Kennedy Space Center (KSC)". */
    private static final Pattern DEFINED_ACRONYM = Pattern.compile(" \\(([A-Z][A-Z0-9]{1,7})\\)");
    /** Lowercase words a name's initials skip ("Syrian Observatory for Human Rights": SOHR). */
    private static final Set<String> NOT_IN_INITIALS = Set.of("of", "for", "and", "&", "de", "on", "the", "in");
    private static final Set<String> ABBREVIATIONS = Set.of("Inc.", "Ltd.", "Corp.", "Co.", "St.");
    private static final Pattern MEMBER_OF = Pattern.compile("\\b[Mm]embers? of (?:the )?");

    private OrganizationNames() {}

    /**
     * The mentions with the rules above applied, in text order.
     *
     * @param isPlaceName whether a text is the name of a known place
     */
    public static List<Mention> apply(String text, List<Mention> mentions, Predicate<String> isPlaceName) {
        List<Mention> all = new ArrayList<>(mentions);
        for (Mention candidate : headedNames(text)) {
            if (!isPlaceName.test(candidate.text())) {
                adopt(all, candidate);
            }
        }
        Matcher member = MEMBER_OF.matcher(text);
        while (member.find()) {
            Mention name = capitalisedRun(text, member.end());
            if (name != null && !isPlaceName.test(name.text()) && all.stream().noneMatch(name::overlaps)) {
                all.add(name);
            }
        }
        addBareNames(text, all, isPlaceName);
        all.sort(Comparator.comparingInt(Mention::begin));
        typeDefinedAcronyms(text, all);
        all.sort(Comparator.comparingInt(Mention::begin));
        return all;
    }

    /**
     * Puts a name found by its head noun among the tagger's mentions. An organisation does not overrule the tagger's
     * place or group of the same span; a site overrules its group ("Johnson Space Center" tagged an organisation).
     */
    private static void adopt(List<Mention> all, Mention candidate) {
        List<Mention> overlapping = all.stream().filter(candidate::overlaps).toList();
        for (Mention mention : overlapping) {
            boolean inside = mention.begin() >= candidate.begin() && mention.end() <= candidate.end();
            boolean same = mention.begin() == candidate.begin() && mention.end() == candidate.end();
            boolean overrules = candidate.type() == MentionType.LOCATION || mention.type() == MentionType.PERSON;
            if (!inside || (same && !overrules)) {
                // The tagger read a longer name here, or the same name as a place or group: its reading stands.
                return;
            }
            if (!same && mention.type() == MentionType.PERSON) {
                // "University of Texas President John Smith": a person inside is not part of the organisation.
                return;
            }
        }
        all.removeAll(overlapping);
        all.add(candidate);
    }

    /**
     * Capitalised sequences whose head (the word before "of"/"for", else the last word) is an organisation noun
     * (a group) or a facility noun (a place).
     */
    static List<Mention> headedNames(String text) {
        List<Mention> found = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            // The words WORD matches, scanned by hand: matching the pattern at every word cost half the time.
            if (!isWordStart(text.charAt(at))) {
                at++;
                continue;
            }
            int begin = at;
            while (at < text.length() && (isWordStart(text.charAt(at)) || ".'\u2019-".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            int end = at;
            while (end > begin + 1 && text.charAt(end - 1) == '.' && !isAbbreviation(text, begin, end)) {
                end--;
            }
            words.add(new int[] {begin, end});
        }
        int i = 0;
        while (i < words.size()) {
            if (!isCapitalised(text, words.get(i)) || NOT_A_FIRST_WORD.contains(wordAt(text, words.get(i)))) {
                i++;
                continue;
            }
            // One sequence: capitalised words and connectors separated by single spaces, ended by a possessive.
            int last = i;
            int headBeforeOf = -1;
            int j = i;
            while (j + 1 < words.size() && !endsWithPossessive(text, words.get(j))
                    && isSingleSpace(text, words.get(j)[1], words.get(j + 1)[0])) {
                String next = wordAt(text, words.get(j + 1));
                if (isCapitalised(text, words.get(j + 1))) {
                    j++;
                    last = j;
                } else if (CONNECTORS.contains(next) && (headBeforeOf >= 0 || !next.equals("and"))
                        && (!next.equals("the") || headBeforeOf >= 0)
                        && !(next.equals("and") && startsAnotherOrganization(text, words, j + 2))) {
                    if ((next.equals("of") || next.equals("for")) && headBeforeOf < 0) {
                        headBeforeOf = last;
                    }
                    j++;
                } else {
                    break;
                }
            }
            int head = headBeforeOf >= 0 ? headBeforeOf : last;
            int capitalised = 0;
            for (int k = i; k <= last; k++) {
                capitalised += isCapitalised(text, words.get(k)) ? 1 : 0;
            }
            String headWord = stripPossessive(wordAt(text, words.get(head)));
            MentionType type = HEAD_NOUNS.contains(headWord) ? MentionType.ORGANIZATION
                    : FACILITY_NOUNS.contains(headWord) || isSiteCenter(text, words, head, i) ? MentionType.LOCATION
                    : null;
            if (capitalised >= 2 && type != null) {
                int begin = words.get(i)[0];
                int end = words.get(last)[1];
                String name = stripPossessive(text.substring(begin, end));
                found.add(new Mention(name, type, begin, begin + name.length()));
            }
            i = last + 1;
        }
        return found;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '&';
    }

    private static boolean isSiteCenter(String text, List<int[]> words, int head, int first) {
        String word = wordAt(text, words.get(head));
        return (word.equals("Center") || word.equals("Centre")) && head > first
                && SITE_QUALIFIERS.contains(wordAt(text, words.get(head - 1)));
    }

    /** "... Institute of Technology and Colorado State University": what follows "and" is headed on its own. */
    private static boolean startsAnotherOrganization(String text, List<int[]> words, int from) {
        for (int k = from; k < words.size() && isCapitalised(text, words.get(k)); k++) {
            if (HEAD_NOUNS.contains(stripPossessive(wordAt(text, words.get(k))))) {
                return true;
            }
            if (k + 1 < words.size() && !isSingleSpace(text, words.get(k)[1], words.get(k + 1)[0])) {
                return false;
            }
        }
        return false;
    }

    /** The capitalised words starting at offset, as a group mention; null when none starts there. */
    private static Mention capitalisedRun(String text, int from) {
        Matcher word = WORD.matcher(text);
        int end = -1;
        int at = from;
        while (word.find(at) && word.start() == at && Character.isUpperCase(text.charAt(at))) {
            end = word.end();
            while (end > at + 1 && text.charAt(end - 1) == '.' && !isAbbreviation(text, at, end)) {
                end--;
            }
            String w = text.substring(at, end);
            if (!stripPossessive(w).equals(w) || end + 1 >= text.length() || text.charAt(end) != ' ') {
                end = at + stripPossessive(w).length();
                break;
            }
            at = end + 1;
        }
        if (end < 0 || NOT_A_FIRST_WORD.contains(text.substring(from, end).split(" ")[0])) {
            return null;
        }
        String name = text.substring(from, end).strip();
        return name.isEmpty() ? null : new Mention(name, MentionType.ORGANIZATION, from, from + name.length());
    }

    /**
     * "Johnson Space Center (JSC)": the acronym takes the type of the name it abbreviates, at every mention of it;
     * a name the tagger missed or cut ("Stelle" alone in "Movimento 5 Stelle (M5S)") becomes a group mention.
     */
    private static void typeDefinedAcronyms(String text, List<Mention> all) {
        Matcher definition = DEFINED_ACRONYM.matcher(text);
        while (definition.find()) {
            String acronym = definition.group(1);
            int nameEnd = definition.start();
            int nameBegin = nameStartForInitials(text, nameEnd, acronym);
            if (nameBegin < 0) {
                continue;
            }
            Mention name =
                    new Mention(text.substring(nameBegin, nameEnd), MentionType.ORGANIZATION, nameBegin, nameEnd);
            Mention same = all.stream().filter(m -> m.begin() == nameBegin && m.end() == nameEnd).findFirst()
                    .orElse(null);
            if (same == null) {
                if (Character.isDigit(text.charAt(nameEnd - 1)) || all.stream().anyMatch(m -> m.overlaps(name)
                        && (m.begin() < nameBegin || m.end() > nameEnd || m.type() == MentionType.LOCATION))) {
                    // A versioned product ("Internet Explorer 9 (IE9)"), a place inside the name, or a longer name
                    // read by the tagger: leave the tagger's reading.
                    continue;
                }
                all.removeIf(m -> m.overlaps(name));
                all.add(name);
                same = name;
            }
            MentionType type = same.type();
            int acronymBegin = definition.start(1);
            Mention defined = new Mention(acronym, type, acronymBegin, acronymBegin + acronym.length());
            all.replaceAll(m -> m.text().equals(acronym) && m.type() != type ? m.withType(type) : m);
            if (all.stream().noneMatch(defined::overlaps)) {
                all.add(defined);
            }
        }
    }

    /** Where the capitalised words before end begin whose initials spell the acronym; -1 when none do. */
    static int nameStartForInitials(String text, int end, String acronym) {
        int remaining = acronym.length();
        int at = end;
        while (remaining > 0) {
            int wordEnd = at;
            if (wordEnd == 0 || text.charAt(wordEnd - 1) == '\n') {
                return -1;
            }
            int wordBegin = wordEnd;
            while (wordBegin > 0 && !Character.isWhitespace(text.charAt(wordBegin - 1))) {
                wordBegin--;
            }
            String word = text.substring(wordBegin, wordEnd);
            if (word.isEmpty()) {
                return -1;
            }
            if (NOT_IN_INITIALS.contains(word)) {
                if (remaining == acronym.length()) {
                    return -1;
                }
            } else {
                // A hyphenated word may give one initial per part ("Sea-Air-Space"): only its first is required.
                char initial = word.charAt(0);
                if (!(Character.isUpperCase(initial) || Character.isDigit(initial))
                        || initial != acronym.charAt(remaining - 1)) {
                    return -1;
                }
                remaining--;
            }
            if (remaining == 0) {
                return wordBegin;
            }
            if (wordBegin == 0 || text.charAt(wordBegin - 1) != ' ') {
                return -1;
            }
            at = wordBegin - 1;
        }
        return -1;
    }

    /** "Church of Scientology": every free, whole-word "Scientology" of the text is that group too. */
    private static void addBareNames(String text, List<Mention> all, Predicate<String> isPlaceName) {
        List<String> bareNames = new ArrayList<>();
        for (Mention mention : all) {
            int of = mention.text().indexOf(" of ");
            if (mention.type() == MentionType.ORGANIZATION && of > 0
                    && BARE_NAME_HEADS.contains(mention.text().substring(0, of))) {
                String name = mention.text().substring(of + 4);
                if (Character.isUpperCase(name.charAt(0)) && !isPlaceName.test(name)
                        && !usedAsCommonWord(text, name)) {
                    bareNames.add(name);
                }
            }
        }
        for (String name : bareNames) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                Mention bare = new Mention(name, MentionType.ORGANIZATION, at, at + name.length());
                if (isBoundary(text, at - 1) && isBoundary(text, bare.end()) && !isWebAddress(text, bare.end())
                        && all.stream().noneMatch(bare::overlaps)) {
                    all.add(bare);
                }
            }
        }
    }

    /**
     * Whether the text uses the name as a common word ("Unity ... unity matters") more often than it capitalises it
     * mid-sentence; "alt.religion.scientology" (a web or news address) is no use in prose.
     */
    private static boolean usedAsCommonWord(String text, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int common = 0;
        for (int at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
            boolean inProse = at == 0 || Character.isWhitespace(text.charAt(at - 1))
                    || "\"'(\u201c\u2018".indexOf(text.charAt(at - 1)) >= 0;
            if (inProse && isBoundary(text, at + lower.length())) {
                common++;
            }
        }
        if (common == 0) {
            return false;
        }
        int capitalisedMidSentence = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if (isBoundary(text, at - 1) && isBoundary(text, at + name.length()) && !startsSentence(text, at)) {
                capitalisedMidSentence++;
            }
        }
        return common >= capitalisedMidSentence;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || "\"'(\u201c\u2018".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:\n".indexOf(text.charAt(i)) >= 0;
    }

    /** "Scientology.org": a domain, not the name. */
    private static boolean isWebAddress(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == '.' && Character.isLetter(text.charAt(end + 1));
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    /** "U.S." and "Inc." keep their final period; "University." at a sentence end does not. */
    private static boolean isAbbreviation(String text, int begin, int end) {
        String word = text.substring(begin, end);
        return word.indexOf('.') < word.length() - 1 || ABBREVIATIONS.contains(word);
    }

    private static boolean isCapitalised(String text, int[] word) {
        return Character.isUpperCase(text.charAt(word[0]));
    }

    private static String wordAt(String text, int[] word) {
        return text.substring(word[0], word[1]);
    }

    private static boolean isSingleSpace(String text, int end, int nextBegin) {
        return nextBegin == end + 1 && text.charAt(end) == ' ';
    }

    private static boolean endsWithPossessive(String text, int[] word) {
        String w = wordAt(text, word);
        return !stripPossessive(w).equals(w);
    }

    private static String stripPossessive(String word) {
        for (String suffix : List.of("'s", "\u2019s", "'", "\u2019")) {
            if (word.endsWith(suffix) && word.length() > suffix.length()) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
