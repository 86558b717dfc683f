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

    /** A possessive at the end of a name: "European Community's" is the European Community. */
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

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
        while (tokens.size() > 1 && LEGAL_FORMS.contains(tokens.getLast())) {
            tokens.removeLast();
        }
        return NameKeys.key(String.join(" ", tokens));
    }

    /** Whether the last word of a name is a legal form ("Exxon Corp"): its initials are not an acronym of it. */
    static boolean hasLegalForm(String name) {
        String[] tokens = NameKeys.fold(name).split(" ");
        return tokens.length > 1 && LEGAL_FORMS.contains(tokens[tokens.length - 1]);
    }
}
