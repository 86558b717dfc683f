package org.clipfile.enrich.ner;

import java.util.Arrays;

/**
 * An immutable map from strings to non-negative ints that keeps its keys' characters in one array: a third of the
 * heap of a {@code HashMap<String, Integer>} for the model's 346,710 feature names and 533,629 cluster words, with
 * exact key comparison (no hashing shortcut that could confuse two keys).
 */
final class CompactStringMap {
    private final char[] chars;
    private final int[] starts;
    private final int[] values;
    private final int[] slots;
    private final int mask;
    private final int shift;

    /** Collects keys and values before the map is built. */
    static final class Builder {
        private final StringBuilder chars = new StringBuilder();
        private int[] starts = new int[1024];
        private int[] values = new int[1024];
        private int size;

        Builder put(String key, int value) {
            if (value < 0) {
                throw new IllegalArgumentException("Values are non-negative");
            }
            if (size + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            starts[size] = chars.length();
            values[size] = value;
            chars.append(key);
            size++;
            starts[size] = chars.length();
            return this;
        }

        CompactStringMap build() {
            return new CompactStringMap(this);
        }
    }

    private CompactStringMap(Builder builder) {
        int size = builder.size;
        this.chars = builder.chars.toString().toCharArray();
        this.starts = Arrays.copyOf(builder.starts, size + 1);
        this.values = Arrays.copyOf(builder.values, size);
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.slots = new int[capacity];
        Arrays.fill(slots, -1);
        this.mask = capacity - 1;
        this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
        for (int entry = 0; entry < size; entry++) {
            int slot = slot(hash(chars, starts[entry], starts[entry + 1]));
            while (true) {
                int other = slots[slot];
                if (other < 0) {
                    slots[slot] = entry;
                    break;
                }
                if (sameKey(other, chars, starts[entry], starts[entry + 1])) {
                    break; // a repeated key keeps its first value, as the first put into a map would be kept
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** The value of the key, or -1. */
    int get(String key) {
        int slot = slot(key.hashCode());
        while (true) {
            int entry = slots[slot];
            if (entry < 0) {
                return -1;
            }
            if (sameKey(entry, key)) {
                return values[entry];
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return values.length;
    }

    private boolean sameKey(int entry, String key) {
        int start = starts[entry];
        int length = starts[entry + 1] - start;
        if (length != key.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameKey(int entry, char[] other, int from, int to) {
        int start = starts[entry];
        return Arrays.equals(chars, start, starts[entry + 1], other, from, to);
    }

    /** The same value as {@link String#hashCode()} for these characters. */
    private static int hash(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    /** Fibonacci hashing: the top bits of the product, so that every bit of the hash counts. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
