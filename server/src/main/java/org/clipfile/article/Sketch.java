package org.clipfile.article;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A MinHash sketch of an article body: {@link #HASHES} minimum hashes over its distinct word 3-shingles (and how
 * many there are), and the LSH bands ({@link #BANDS} of {@link #ROWS} hashes each) that are stored as keyword terms so
 * that a {@code terms} lookup finds the candidates among millions of articles. Two bodies share a band with
 * probability {@code 1-(1-J^3)^42} for a Jaccard similarity J of their shingle sets (0.99 at J=0.5, 0.90 at J=0.4,
 * 0.49 at J=0.25, 0.04 at J=0.1); the candidates are then verified with the share of equal hashes, an estimate of J,
 * and the containment derived from it.
 *
 * <p>Words are runs of letters and digits, lower-cased; a '.' or ',' between two digits stays in the word, so "1,250"
 * is one word. Bodies shorter than {@link #MIN_SHINGLES} shingles get no bands: such snippets ("No comment.", "Qtly
 * div 25 cts vs 25 cts prior") match too much that is not the same story. The body's numbers are kept as well, to
 * tell apart template stories whose words are the same and whose figures differ.
 */
public record Sketch(int[] signature, List<String> bands, int size, List<String> numbers, List<String> lead) {
    public static final int SHINGLE_WORDS = 3;
    public static final int BANDS = 42;
    public static final int ROWS = 3;
    public static final int HASHES = BANDS * ROWS;
    public static final int MIN_SHINGLES = 15;
    /** Numbers kept to tell template stories apart (the first ones of the body). */
    static final int MAX_NUMBERS = 64;
    /**
     * Words that count as numbers: figures spelt out ("five grain ships", "up to three mln") and days of the week (a
     * meeting put off to Thursday, then to Monday), which tell one day's template item from another's.
     */
    static final java.util.Set<String> NUMBER_WORDS = java.util.Set.of("one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    /** Share of numbers that must agree when both lists were cut at {@link #MAX_NUMBERS}. */
    static final double TRUNCATED_NUMBERS_AGREE = 0.6;
    /** Bodies beyond this many characters are sketched on their beginning: a bound on the work per article. */
    static final int MAX_CHARS = 200_000;
    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] OFFSETS = new long[HASHES];

    static {
        // Fixed seed: sketches must be comparable across server instances and restarts.
        Random random = new Random(0x5eed_c11f_f11eL);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L;
            OFFSETS[i] = random.nextLong();
        }
    }

    /**
     * Sketches of the bodies in use, so that an article is sketched once on its way in: for the copy lookup and
     * again when its stored document is made ({@code ArticleDocument.of}), perhaps twice (a copy is written again
     * with its cluster). Keyed weakly by the body: an entry lives as long as its article's text, and equal texts have
     * equal sketches, so an entry found is always the right one.
     */
    private static final java.util.Map<String, Sketch> IN_USE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The sketch of a body; computed once while the body is in use (see {@link #IN_USE}). */
    public static Sketch of(@Nullable String body) {
        if (body == null) {
            return compute(null);
        }
        Sketch known = IN_USE.get(body);
        if (known != null) {
            return known;
        }
        Sketch sketch = compute(body);
        IN_USE.put(body, sketch);
        return sketch;
    }

    static Sketch compute(@Nullable String body) {
        List<String> words = words(body == null ? "" : body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body);
        long[] shingles = java.util.Arrays.stream(shingles(words)).sorted().distinct().toArray();
        List<String> numbers = words.stream().filter(w -> w.chars().anyMatch(Character::isDigit)
                || NUMBER_WORDS.contains(w)).distinct().limit(MAX_NUMBERS).toList();
        long[] minima = new long[HASHES];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                // Multiply-shift hashing: the high 32 bits of a*x+b over 64 bits, one (a, b) per permutation.
                long h = (MULTIPLIERS[i] * shingle + OFFSETS[i]) >>> 32;
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        }
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = (int) minima[i];
        }
        if (shingles.length < MIN_SHINGLES) {
            return new Sketch(signature, List.of(), shingles.length, numbers, lead(body));
        }
        List<String> bands = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ (signature[b * ROWS + r] & 0xffffffffL));
            }
            bands.add(band(b, h));
        }
        return new Sketch(signature, List.copyOf(bands), shingles.length, numbers, lead(body));
    }

    /** A band term: its number and 48 bits of the hash of its rows ("07-3fa9c2d1e0b4"). */
    private static String band(int number, long hash) {
        String hex = Long.toHexString(hash >>> 16);
        return (number < 16 ? "0" : "") + Integer.toHexString(number) + "-" + "0".repeat(12 - hex.length()) + hex;
    }

    /** Whether there is enough text to look for copies. */
    public boolean comparable() {
        return !bands.isEmpty();
    }

    /** The estimated Jaccard similarity of the two bodies' shingle sets: the share of equal minimum hashes. */
    public double similarity(int[] other) {
        if (other.length != signature.length) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] == other[i]) {
                same++;
            }
        }
        return (double) same / signature.length;
    }

    /**
     * The estimated share of the smaller text's shingles found in the other (containment): a reprint that dropped
     * paragraphs is contained in its original even when their Jaccard similarity is low. From the estimated Jaccard
     * similarity J and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J).
     */
    public double containment(int[] other, int otherSize) {
        double j = similarity(other);
        int smaller = Math.min(size, otherSize);
        if (smaller <= 0 || j <= 0) {
            return 0;
        }
        return Math.min(1, j * (size + otherSize) / ((1 + j) * smaller));
    }

    /**
     * Whether the numbers of the two texts agree: a daily market report, a dividend notice or a results table is a
     * template whose words repeat from story to story while its figures and dates change. When both texts hold at
     * least two numbers, at least {@code share} of the smaller set must be in the other.
     */
    /**
     * The numbers written with figures: all that a sketch kept before words for numbers ({@link #NUMBER_WORDS}) counted,
     * so what a sketch stored then is compared with.
     */
    public static List<String> figuresOnly(List<String> numbers) {
        return numbers.stream().filter(w -> w.chars().anyMatch(Character::isDigit)).toList();
    }

    /** This sketch with {@link #figuresOnly} numbers. */
    public Sketch withFiguresOnly() {
        return new Sketch(signature, bands, size, figuresOnly(numbers), lead);
    }

    public boolean numbersAgree(List<String> other, double share) {
        return numbersAgree(other, share, 2);
    }

    /**
     * The same, applied when both texts hold at least {@code least} numbers. When both lists are full
     * ({@link #MAX_NUMBERS}, a table), each holds only the first numbers of its text and a copy missing a paragraph
     * reaches further into the text: then 60 % of them are enough.
     */
    public boolean numbersAgree(List<String> other, double share, int least) {
        int smaller = Math.min(numbers.size(), other.size());
        if (smaller < Math.max(1, least)) {
            return true;
        }
        if (smaller >= MAX_NUMBERS) {
            share = Math.min(share, TRUNCATED_NUMBERS_AGREE);
        }
        java.util.Set<String> mine = new java.util.HashSet<>(numbers);
        long common = other.stream().distinct().filter(mine::contains).count();
        return common >= share * smaller;
    }

    /**
     * Whether the numbers of the smaller list follow each other in the other list as in it, but for {@code slack}
     * pairs or a third of them, whichever is more: a table re-sent with its "old rate" column repeating the earlier table's new rates holds every one of
     * its figures, in another order; a copy that dropped a paragraph breaks one pair where the paragraph was. Not
     * applied when a list is full ({@link #MAX_NUMBERS}: its order past the cut is unknown) or {@code slack} is
     * negative.
     */
    public boolean numbersInOrder(List<String> other, int slack) {
        List<String> small = numbers.size() <= other.size() ? numbers : other;
        List<String> large = small == numbers ? other : numbers;
        if (slack < 0 || large.size() >= MAX_NUMBERS || small.size() < 2) {
            return true;
        }
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < large.size(); i++) {
            at.putIfAbsent(large.get(i), i);
        }
        int breaks = 0;
        for (int i = 0; i + 1 < small.size(); i++) {
            Integer a = at.get(small.get(i));
            Integer b = at.get(small.get(i + 1));
            if (a == null || b == null || b != a + 1) {
                breaks++;
            }
        }
        return breaks <= Math.max(slack, (small.size() - 1) / 3);
    }

    /**
     * Capitalised words that say nothing about who the story is about. "Bank" among them: it begins the names of
     * many banks, so "Bank of Montreal" and "Bank of Nova Scotia" cutting their prime rates the same day (one shouted
     * line each, where no name is recognised) would otherwise share a leading name.
     */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("the", "a", "an", "in", "on", "at", "for",
            "of", "and", "inc", "co", "corp", "corporation", "ltd", "plc", "llc", "group", "company", "holdings",
            "international", "said", "mr", "mrs", "ms", "dr", "bank", "banks");
    static final int LEAD_WORDS = 2;

    /**
     * The first two capitalised words of the body that can name someone ("Northern Trust Co said..." gives northern,
     * trust; "TCF Banking" gives tcf, banking): who the story is about, in news style.
     */
    static List<String> lead(@Nullable String body) {
        List<String> lead = new ArrayList<>(LEAD_WORDS);
        if (body == null) {
            return lead;
        }
        String text = body.length() > 2000 ? body.substring(0, 2000) : body;
        int i = 0;
        while (i < text.length() && lead.size() < LEAD_WORDS) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            boolean capitalised = Character.isUpperCase(word.codePointAt(0)) && word.length() >= 2;
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (capitalised && !NOT_NAMES.contains(lower) && !lead.contains(lower)) {
                lead.add(lower);
            }
        }
        return List.copyOf(lead);
    }

    /**
     * Whether the two texts are about the same someone: when both lead with two names, at least one is shared. Template
     * notices differ only there ("TCF Banking said it is raising its prime rate" and "Northern Trust Co said it is
     * raising its prime rate").
     */
    public boolean leadAgrees(List<String> other) {
        return leadAgrees(other, 1);
    }

    /** The same, with {@code shared} of the two leading names required in both. */
    public boolean leadAgrees(List<String> other, int shared) {
        if (lead.size() < LEAD_WORDS || other.size() < LEAD_WORDS) {
            return true;
        }
        return other.stream().distinct().filter(lead::contains).count() >= shared;
    }

    /** The signature as stored in the document (base64 of the big-endian ints). */
    public String encodedSignature() {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * 4);
        for (int value : signature) {
            buffer.putInt(value);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** A stored signature; an empty array for anything malformed (which then matches nothing). */
    public static int[] decodeSignature(@Nullable String encoded) {
        if (encoded == null) {
            return new int[0];
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new int[0];
        }
        if (bytes.length != HASHES * 4) {
            return new int[0];
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = buffer.getInt();
        }
        return signature;
    }

    /** The distinct-enough hashes of the body's word shingles (duplicates do not change a minimum). */
    static long[] shingles(List<String> words) {
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = hash(words.get(i));
        }
        int count = Math.max(0, wordHashes.length - SHINGLE_WORDS + 1);
        if (count == 0 && wordHashes.length > 0) {
            count = 1;
        }
        long[] shingles = new long[count];
        for (int s = 0; s < count; s++) {
            long h = 0;
            for (int w = s; w < Math.min(wordHashes.length, s + SHINGLE_WORDS); w++) {
                h = mix(h * 31 + wordHashes[w]);
            }
            shingles[s] = h;
        }
        return shingles;
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(Character.toLowerCase(c));
            } else if ((c == '.' || c == ',') && !word.isEmpty() && Character.isDigit(word.charAt(word.length() - 1))
                    && i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                word.append((char) c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            i += width;
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** 64-bit FNV-1a of the characters, then mixed. */
    private static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sketch s && java.util.Arrays.equals(signature, s.signature) && bands.equals(s.bands)
                && size == s.size && numbers.equals(s.numbers) && lead.equals(s.lead);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Sketch" + bands;
    }
}
