package org.clipfile.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
        this(builder.chars.toString().toCharArray(), Arrays.copyOf(builder.starts, builder.size + 1),
                Arrays.copyOf(builder.values, builder.size));
    }

    private CompactStringMap(char[] chars, int[] starts, int[] values) {
        int size = values.length;
        this.chars = chars;
        this.starts = starts;
        this.values = values;
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

    /** Keys and values as {@link #readFrom} reads them (the slots are rebuilt on reading). */
    void writeTo(DataOutputStream out) throws IOException {
        TableFile.writeChars(out, chars);
        TableFile.writeInts(out, starts);
        TableFile.writeInts(out, values);
    }

    /** A map written by {@link #writeTo}; a file that is not one (lengths, offsets, values) is refused. */
    static CompactStringMap readFrom(DataInputStream in) throws IOException {
        char[] chars = TableFile.readChars(in);
        int[] starts = TableFile.readInts(in);
        int[] values = TableFile.readInts(in);
        if (starts.length != values.length + 1 || starts[0] != 0 || starts[values.length] != chars.length) {
            throw new IOException("Not a string map: " + values.length + " values, " + starts.length + " offsets");
        }
        for (int i = 0; i < values.length; i++) {
            if (starts[i + 1] < starts[i] || values[i] < 0) {
                throw new IOException("Not a string map: entry " + i);
            }
        }
        return new CompactStringMap(chars, starts, values);
    }

    /** The largest value, or -1 when empty. */
    int maxValue() {
        int max = -1;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** The same keys with the same values. */
    boolean sameEntries(CompactStringMap other) {
        return Arrays.equals(chars, other.chars) && Arrays.equals(starts, other.starts)
                && Arrays.equals(values, other.values);
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
