package org.clipfile.testsupport;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Our own small generator for property-style tests: many random inputs from one seed, reproducible. The seed is
 * fixed so CI is deterministic; {@code -Dclipfile.fuzz.seed=<n>} explores other inputs, and a failure names the
 * seed and the try that broke.
 */
public final class RandomInputs {
    private final Random random;

    private RandomInputs(long seed) {
        this.random = new Random(seed);
    }

    public static long seed() {
        return Long.getLong("clipfile.fuzz.seed", 20261125L);
    }

    /** Runs {@code check} on {@code tries} inputs drawn by {@code generator}; wraps a failure with its input. */
    public static <T> void forAll(int tries, Function<RandomInputs, T> generator, Consumer<T> check) {
        long seed = seed();
        RandomInputs inputs = new RandomInputs(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(inputs);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + i + " of seed " + seed + " failed for input: "
                        + describe(input) + "\n" + e.getMessage(), e);
            }
        }
    }

    private static String describe(Object input) {
        String text = String.valueOf(input);
        String shown = text.length() > 500 ? text.substring(0, 500) + "... (" + text.length() + " chars)" : text;
        StringBuilder escaped = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 32 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x7F) {
                escaped.append(String.format("\\u%04X", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Concatenates between min and max pieces drawn from {@code pieces}. */
    public String concat(List<String> pieces, int min, int max) {
        int n = between(min, max);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(pick(pieces));
        }
        return out.toString();
    }

    /** A string of characters drawn from {@code alphabet}. */
    public String string(String alphabet, int minLength, int maxLength) {
        int n = between(minLength, maxLength);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Any UTF-16 code units, lone surrogates and control characters included. */
    public String anyChars(int maxLength) {
        int n = between(0, maxLength);
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            out.append((char) switch (kind) {
                case 0 -> random.nextInt(128);
                case 1 -> random.nextInt(0x800);
                default -> random.nextInt(0x10000);
            });
        }
        return out.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }
}
