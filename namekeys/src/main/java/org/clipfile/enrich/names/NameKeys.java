package org.clipfile.enrich.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Name-matching keys, insensitive to case, diacritics, punctuation and the common romanisations of Arabic names.
 * The same function serves entity resolution (in the server) and name search (in Elasticsearch): this one source file
 * is also compiled into the {@code clipfile-names} plugin, whose {@code name_key} token filter keys the name fields
 * at index and at query time, so "Abd al-Rahman" finds "Rami Abdel Rahman" (both have the key token
 * {@code abdrahman}). It must use only the JDK: it runs inside Elasticsearch. A change to what it computes is a
 * change of the article mapping (a new {@code _meta.version} with {@code reindex_below}): the index must be rebuilt.
 *
 * <p>A key is lossy on purpose and not for display. What it merges:
 * <ul>
 *   <li>case, diacritics, apostrophes and ayn/hamza marks (Hay'at, Hayʾat, Hayat), periods in initials (U.S., US);
 *   <li>the Arabic article before a name, in all its spellings: al-, el-, il-, ul- and the assimilated forms before
 *       a sun letter (ad-Din, ash-Sham, ar-Rahman, az-Zor, "Ar Raqqah"); a lone article at the end is kept;
 *   <li>Abd compounds: Abdel Rahman, Abd al-Rahman, Abdul Rahman, Abdulrahman, Abdurrahman, Abd ar-Rahman;
 *   <li>vowel and doubling variants: Mohammed, Muhammad, Mohamed, Mohammad; Hussein, Husain, Husayn; Qaeda, Qaida;
 *       Osama, Usama; Ahmed, Ahmad; Assad, Asad; ou/oo/u, ee/i, ph/f, dj/j; a final h after a vowel (Atmeh, Atme).
 * </ul>
 * What it keeps apart: the first vowels of a word other than o/u (Reagan, Regan and Ragan; Kirby and Korby), so
 * vowels are folded (e to a, o to u) only after a word's first syllable.
 * Known collisions (accepted for recall): a standalone "Al" or "El" is read as the article (Al Gore, El Paso).
 */
public final class NameKeys {

    private NameKeys() {}

    /** The key of a name: its key tokens joined by single spaces; empty when the name has no letters or digits. */
    public static String key(String name) {
        return String.join(" ", keyTokens(name));
    }

    /** The key tokens of a name, in order (see the class comment for what they merge). */
    public static List<String> keyTokens(String name) {
        List<Token> tokens = foldedTokens(name);
        List<String> withoutArticles = dropArticles(tokens);
        List<String> merged = mergeAbdCompounds(withoutArticles);
        List<String> keys = new ArrayList<>(merged.size());
        for (String token : merged) {
            String phonetic = phonetic(token);
            if (!phonetic.isEmpty()) {
                keys.add(phonetic);
            }
        }
        return keys;
    }

    /**
     * What to index for name search: the folded spelling (exact, diacritic-insensitive). The key is not among them:
     * the index computes it from these with the {@code name_key} analyzer (the Clipfile plugin's filter runs this
     * very class), so keys are never stored in an article nor returned by the API.
     */
    public static Set<String> searchVariants(String name) {
        Set<String> variants = new LinkedHashSet<>();
        String folded = fold(name);
        if (!folded.isEmpty()) {
            variants.add(folded);
        }
        return variants;
    }

    /** True when two names have the same key (and are not both empty). */
    public static boolean sameName(String a, String b) {
        String key = key(a);
        return !key.isEmpty() && key.equals(key(b));
    }

    /**
     * Lowercase, without diacritics, apostrophes or periods, other punctuation as single spaces:
     * "Hayʾat Taḥrīr al-Shām" becomes "hayat tahrir al sham".
     */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Token token : foldedTokens(text)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.text);
        }
        return out.toString();
    }

    /** A readable, stable slug for ids: "Hayat Tahrir al-Sham" becomes "hayat-tahrir-al-sham". */
    public static String slug(String text) {
        return fold(text).replace(' ', '-');
    }

    /** A folded token, and whether a hyphen joined it to the next one (al-Sham, ad-Din). */
    private record Token(String text, boolean hyphenAfter) {}

    private static List<Token> foldedTokens(String text) {
        String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
        List<Token> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < decomposed.length()) {
            char c = decomposed.charAt(i);
            String replacement = letterReplacement(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK || isSilent(c)) {
                i++;
            } else if (replacement != null || Character.isLetterOrDigit(c)) {
                current.append(replacement != null ? replacement : String.valueOf(Character.toLowerCase(c)));
                i++;
            } else {
                boolean hyphen = false;
                while (i < decomposed.length() && isSeparator(decomposed.charAt(i))) {
                    hyphen |= isHyphen(decomposed.charAt(i));
                    i++;
                }
                if (!current.isEmpty()) {
                    tokens.add(new Token(current.toString(), hyphen));
                    current.setLength(0);
                }
            }
        }
        if (!current.isEmpty()) {
            tokens.add(new Token(current.toString(), false));
        }
        return tokens;
    }

    private static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK && !isSilent(c)
                && letterReplacement(c) == null;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** Apostrophes, ayn and hamza marks and periods vanish: Hay'at = Hayat, U.S. = US, Qur'an = Quran. */
    private static boolean isSilent(char c) {
        return switch (c) {
            case '\'', '\u2019', '\u2018', '`', '\u00b4', '\u02bf', '\u02be', '\u02bb', '\u02bc', '\u2032', '.' -> true;
            default -> false;
        };
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014';
    }

    /** Letters that do not decompose into a base letter and a mark. */
    private static String letterReplacement(char c) {
        return switch (c) {
            case 'ø', 'Ø' -> "o";
            case 'ł', 'Ł' -> "l";
            case 'đ', 'Đ', 'ð', 'Ð' -> "d";
            case 'þ', 'Þ' -> "th";
            case 'æ', 'Æ' -> "ae";
            case 'œ', 'Œ' -> "oe";
            case 'ß' -> "ss";
            case 'ı' -> "i";
            case 'ħ', 'Ħ' -> "h";
            default -> null;
        };
    }

    private static final Set<String> PLAIN_ARTICLES = Set.of("al", "el", "il", "ul");
    /** The article assimilated to a following sun letter: "ad" before d, "ash" before sh, and so on. */
    private static final Set<String> SUN_ARTICLES =
            Set.of("ad", "ar", "as", "at", "az", "an", "ash", "ath", "adh", "er", "es", "et", "ez", "en", "esh");
    /** Assimilated forms that are also common words or first names: only when hyphenated (ed-Din, ud-Din). */
    private static final Set<String> HYPHEN_ONLY_ARTICLES =
            Set.of("ed", "ud", "ur", "us", "ut", "uz", "un", "ush");

    private static List<String> dropArticles(List<Token> tokens) {
        List<String> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (!last && isArticle(token, tokens.get(i + 1))) {
                continue;
            }
            kept.add(token.text);
        }
        return kept;
    }

    private static boolean isArticle(Token token, Token next) {
        String t = token.text;
        if (PLAIN_ARTICLES.contains(t)) {
            return true;
        }
        boolean assimilated = next.text.startsWith(t.substring(1)) && next.text.length() > t.length() - 1;
        if (SUN_ARTICLES.contains(t)) {
            return assimilated || token.hyphenAfter;
        }
        return HYPHEN_ONLY_ARTICLES.contains(t) && token.hyphenAfter;
    }

    /** "abd" + name, whether written Abd al-X, Abdel X, Abdul X, Abdulx or Abdurx. */
    private static List<String> mergeAbdCompounds(List<String> tokens) {
        List<String> merged = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean hasNext = i + 1 < tokens.size();
            if (token.equals("abd") && hasNext) {
                String name = tokens.get(++i);
                // Abd Allah is the unglued Abdullah/Abdallah; other names stay as written (Abd al-Azeem).
                merged.add(name.equals("allah") ? "abdlah" : "abd" + name);
            } else if (isAbdWithArticle(token) && token.length() == 5 && hasNext) {
                merged.add("abd" + tokens.get(++i));
            } else {
                merged.add(abdCompound(token));
            }
        }
        return merged;
    }

    /** abdel, abdul, abdal, abdur, abdar, abdus ...: "abd", a vowel, then an article consonant. */
    private static boolean isAbdWithArticle(String token) {
        return token.length() >= 5 && token.startsWith("abd") && "aeiou".indexOf(token.charAt(3)) >= 0
                && "lrsntdz".indexOf(token.charAt(4)) >= 0;
    }

    private static String abdCompound(String token) {
        if (isAbdWithArticle(token) && token.length() >= 8) {
            String rest = token.substring(5);
            // Abdurrahman, Abdussalam: the article's consonant is doubled into the name.
            if (rest.charAt(0) == token.charAt(4) && token.charAt(4) != 'l') {
                return "abd" + rest;
            }
            // Abdulrahman, Abdelaziz, Abdullah (abd + allah): the article is "l" + the rest.
            return "abd" + (token.charAt(4) == 'l' ? rest : token.substring(4));
        }
        return token;
    }

    private static String phonetic(String word) {
        // British and American spellings of one body: Organisation, Organization.
        String token = word.contains("isation") ? word.replace("isation", "ization") : word;
        StringBuilder s = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char next = i + 1 < token.length() ? token.charAt(i + 1) : 0;
            if ((c == 'o' && next == 'u') || (c == 'o' && next == 'o')) {
                s.append('u');
                i++;
            } else if (c == 'e' && next == 'e') {
                s.append('i');
                i++;
            } else if (c == 'p' && next == 'h') {
                s.append('f');
                i++;
            } else if (c == 'd' && next == 'j') {
                s.append('j');
                i++;
            } else if ((c == 'a' || c == 'e') && (next == 'e' || next == 'i' || next == 'y')
                    && !(c == 'a' && next == 'i')) {
                // Qaeda/Qaida, Hussein/Husain/Husayn, Deir/Dair: one diphthong, spelt four ways.
                s.append("ai");
                i++;
            } else {
                s.append(c);
            }
        }
        // Vowels after the first syllable are where romanisations differ (Ahmed/Ahmad, Mohammed/Muhammad); the
        // first one tells names apart (Reagan/Regan/Ragan, Kirby/Korby) and is kept, except o/u (Osama/Usama).
        boolean pastFirstVowels = false;
        boolean inVowels = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "aeiou".indexOf(c) >= 0;
            if (!vowel && inVowels) {
                pastFirstVowels = true;
            }
            inVowels |= vowel;
            if (c == 'o') {
                s.setCharAt(i, 'u');
            } else if (c == 'e' && pastFirstVowels) {
                s.setCharAt(i, 'a');
            }
        }
        String collapsed = collapseDoubles(s);
        // Hussein/Husayn/Husain and Qaeda/Qaida: a diphthong after "a" is a spelling choice, not a different name.
        StringBuilder d = new StringBuilder(collapsed.length());
        for (int i = 0; i < collapsed.length(); i++) {
            char c = collapsed.charAt(i);
            boolean beforeVowel = i + 1 < collapsed.length() && "aiuy".indexOf(collapsed.charAt(i + 1)) >= 0;
            if ((c == 'i' || c == 'y') && i > 0 && collapsed.charAt(i - 1) == 'a' && !beforeVowel) {
                continue;
            }
            d.append(c);
        }
        String result = collapseDoubles(d);
        // Ta marbuta: Atmeh/Atme, Raqqah/Raqqa.
        if (result.length() > 2 && result.endsWith("h") && "aiu".indexOf(result.charAt(result.length() - 2)) >= 0) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String collapseDoubles(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Doubled letters are spelling (Hussein, Husein); doubled digits are numbers (Group 11, Group 1).
            if (out.isEmpty() || out.charAt(out.length() - 1) != c || !Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

}
