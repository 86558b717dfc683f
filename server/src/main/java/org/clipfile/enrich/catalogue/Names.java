package org.clipfile.enrich.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.clipfile.enrich.names.NameKeys;

/** Shapes of names that linking across the archive relies on. */
final class Names {
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&.\\-]*\\p{Lu}?\\.?|\\p{Lu}\\.?-?\\d+");
    /** Words skipped when spelling initials ("Organization of Petroleum Exporting Countries": OPEC). */
    private static final Set<String> NOT_IN_INITIALS = Set.of("of", "for", "the", "and", "in", "on", "to", "de", "&");
    /** Legal forms and words a firm's name is written with or without ("Inc", "Corp", "Co", "Ltd", "plc"). */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co", "cos",
            "company", "ltd", "limited", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "spa", "gmbh", "kk", "group",
            "holdings", "holding");

    /** Initials written with periods: "U.S.", "U.K.". */
    private static final Pattern DOTTED_INITIALS = Pattern.compile("(?:\\p{Lu}\\.){2,}");
    /** Words a word-order variant may add or move ("Department of Agriculture", "Agriculture Department"). */
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "for", "the", "and", "on", "in", "de", "to");
    /** Leading words of a national body that journalists write or drop ("U.S. Treasury", "Treasury"). */
    static final List<String> NATIONAL_PREFIXES = List.of("united states", "u s", "us", "american");

    /** A possessive at the end of a name: "European Community's" is the European Community. */
    static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

    private Names() {}

    /** "EC", "IMF", "G-7", "U.S.": capitals, digits, hyphens and periods, at least two characters. */
    static boolean isAcronym(String name) {
        return name.length() >= 2 && name.length() <= 10 && ACRONYM.matcher(name).matches()
                && name.chars().filter(Character::isLetter).count() >= 1;
    }

    /** The capital initials of a name's words, function words skipped, lower-cased: "International Monetary Fund": imf. */
    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[\\s\\-]+")) {
            if (word.isEmpty() || NOT_IN_INITIALS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isUpperCase(word.charAt(0))) {
                return "";
            }
            if (DOTTED_INITIALS.matcher(word).matches()) {
                // "U.S. Department of Agriculture": USDA.
                word.chars().filter(Character::isLetter).forEach(c -> initials.append((char) Character.toLowerCase(c)));
                continue;
            }
            initials.append(Character.toLowerCase(word.charAt(0)));
        }
        return initials.length() > 1 ? initials.toString() : "";
    }

    /** The key of a firm's name without its legal form or a leading "The": "International Business Machines Corp". */
    static String withoutLegalForm(String name) {
        String written = POSSESSIVE.matcher(name).replaceAll("");
        List<String> tokens = new java.util.ArrayList<>(List.of(NameKeys.fold(written).split(" ")));
        if (tokens.size() > 1 && tokens.getFirst().equals("the")) {
            tokens.removeFirst();
        }
        // "Merrill Lynch and Co Inc", "Goldman, Sachs and Co": the "and" before a legal form goes with it.
        while (tokens.size() > 1 && (LEGAL_FORMS.contains(tokens.getLast()) || tokens.getLast().equals("and"))) {
            tokens.removeLast();
        }
        return NameKeys.key(String.join(" ", tokens));
    }

    /**
     * The initials of a firm's name without its legal form, when at least two words remain ("International Business
     * Machines Corp": ibm, "General Motors Corp": gm, "U.S. Department of Agriculture": usda); else empty.
     */
    static String initialsWithoutLegalForm(String name) {
        String written = POSSESSIVE.matcher(name.strip()).replaceAll("");
        List<String> words = new java.util.ArrayList<>(List.of(written.split("[\\s,]+")));
        while (words.size() > 1 && (LEGAL_FORMS.contains(words.getLast().toLowerCase(Locale.ROOT).replace(".", ""))
                || words.getLast().equalsIgnoreCase("and") || words.getLast().equals("&"))) {
            words.removeLast();
        }
        if (words.size() < 2) {
            return "";
        }
        return initials(String.join(" ", words));
    }

    /**
     * The content words of a name in no order, without a national prefix, legal form or function words: names that
     * say the same in another order share it ("U.S. Agriculture Department", "Department of Agriculture"; "General
     * Agreement on Tariffs and Trade", "General Agreement on Trade and Tariffs"). The words as written (folded), not
     * their keys: "Society of Lanterns" is not "Lantern Society". Empty below two content words.
     */
    static String wordBag(String name) {
        String folded = NameKeys.fold(POSSESSIVE.matcher(name.strip()).replaceAll(""));
        for (String prefix : NATIONAL_PREFIXES) {
            if (folded.startsWith(prefix + " ")) {
                folded = folded.substring(prefix.length() + 1);
                break;
            }
        }
        java.util.TreeSet<String> bag = new java.util.TreeSet<>();
        for (String word : folded.split(" ")) {
            if (!word.isEmpty() && !FUNCTION_WORDS.contains(word) && !LEGAL_FORMS.contains(word)) {
                bag.add(word);
            }
        }
        return bag.size() >= 2 ? String.join(" ", bag) : "";
    }

    /** Whether the last word of a name is a legal form ("Exxon Corp"): its initials are not an acronym of it. */
    static boolean hasLegalForm(String name) {
        String[] tokens = NameKeys.fold(name).split(" ");
        return tokens.length > 1 && LEGAL_FORMS.contains(tokens[tokens.length - 1]);
    }
}
