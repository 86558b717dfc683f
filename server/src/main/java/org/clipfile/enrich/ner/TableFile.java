package org.clipfile.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Arrays written as a length then their values, big-endian, in chunks; read back with every length bounded, so a
 * damaged or foreign file fails with an {@link IOException} instead of a huge allocation.
 */
final class TableFile {
    /** Far more than any table of the shipped model holds (its largest, the feature names' characters, ~10 million). */
    static final int MAX_LENGTH = 64 << 20;
    private static final int CHUNK = 1 << 16;

    private TableFile() {}

    static void writeInts(DataOutputStream out, int[] values) throws IOException {
        write(out, values.length, Integer.BYTES, (buffer, from, n) -> buffer.asIntBuffer().put(values, from, n));
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[length(in)];
        read(in, values.length, Integer.BYTES, (buffer, from, n) -> buffer.asIntBuffer().get(values, from, n));
        return values;
    }

    static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        write(out, values.length, Float.BYTES, (buffer, from, n) -> buffer.asFloatBuffer().put(values, from, n));
    }

    static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[length(in)];
        read(in, values.length, Float.BYTES, (buffer, from, n) -> buffer.asFloatBuffer().get(values, from, n));
        return values;
    }

    static void writeChars(DataOutputStream out, char[] values) throws IOException {
        write(out, values.length, Character.BYTES, (buffer, from, n) -> buffer.asCharBuffer().put(values, from, n));
    }

    static char[] readChars(DataInputStream in) throws IOException {
        char[] values = new char[length(in)];
        read(in, values.length, Character.BYTES, (buffer, from, n) -> buffer.asCharBuffer().get(values, from, n));
        return values;
    }

    /** Copies values {@code from .. from + n} of an array to or from a buffer of their bytes. */
    private interface Chunk {
        void copy(ByteBuffer buffer, int from, int n);
    }

    private static void write(DataOutputStream out, int length, int width, Chunk chunk) throws IOException {
        out.writeInt(length);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * width);
        for (int from = 0; from < length; from += CHUNK) {
            int n = Math.min(CHUNK, length - from);
            buffer.clear();
            chunk.copy(buffer, from, n);
            out.write(buffer.array(), 0, n * width);
        }
    }

    private static void read(DataInputStream in, int length, int width, Chunk chunk) throws IOException {
        byte[] bytes = new byte[CHUNK * width];
        for (int from = 0; from < length; from += CHUNK) {
            int n = Math.min(CHUNK, length - from);
            in.readFully(bytes, 0, n * width);
            chunk.copy(ByteBuffer.wrap(bytes, 0, n * width), from, n);
        }
    }

    /** Strings as UTF-8 bytes with their lengths (not {@code writeUTF}: no 64 KB limit, no modified UTF-8). */
    static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[length(in)];
        for (int i = 0; i < values.length; i++) {
            int n = in.readInt();
            if (n < 0 || n > 1 << 16) {
                throw new IOException("A string of " + n + " bytes");
            }
            byte[] bytes = new byte[n];
            in.readFully(bytes);
            values[i] = new String(bytes, StandardCharsets.UTF_8);
        }
        return values;
    }

    private static int length(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("A table of " + length + " values");
        }
        return length;
    }
}
