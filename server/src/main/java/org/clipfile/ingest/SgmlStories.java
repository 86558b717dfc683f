package org.clipfile.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Reuters SGML file into its {@code <REUTERS>} stories while reading it, holding at most one story (up to
 * the document limit) in memory: a story over the limit is reported and skipped, never kept whole. The files are
 * ISO-8859-1; stories are handed on re-encoded as UTF-8, as {@link ReutersSgmlReader#parse} expects.
 */
final class SgmlStories {
    private static final byte[] OPEN = "<REUTERS".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CLOSE = "</REUTERS>".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern NEW_ID = Pattern.compile("NEWID=\"(\\d+)\"");

    private SgmlStories() {}

    /**
     * Yields the stories of {@code in}; returns how many were found (refused ones included).
     *
     * @param maxStoryBytes the largest story accepted
     */
    static int split(String fileName, InputStream in, long maxStoryBytes, DocumentSink sink)
            throws IOException, InterruptedException {
        Scanner scanner = new Scanner(fileName, maxStoryBytes, sink);
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            scanner.feed(chunk, n);
        }
        scanner.end();
        return scanner.stories;
    }

    /** Counts the stories of a file by streaming it, for progress estimates. */
    static long count(InputStream in) throws IOException {
        long count = 0;
        byte[] marker = "<REUTERS ".getBytes(StandardCharsets.ISO_8859_1);
        int matched = 0;
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                // The marker's first byte '<' does not occur again inside it, so a mismatch restarts cleanly.
                matched = b == marker[matched] ? matched + 1 : b == marker[0] ? 1 : 0;
                if (matched == marker.length) {
                    count++;
                    matched = 0;
                }
            }
        }
        return count;
    }

    private static final class Scanner {
        private final String fileName;
        private final long maxStoryBytes;
        private final DocumentSink sink;
        private byte[] buffer = new byte[128 * 1024];
        private int start;
        private int length;
        private boolean inside;
        private boolean skipping;
        private String skippedName = "";
        private int searchFrom;
        int stories;

        Scanner(String fileName, long maxStoryBytes, DocumentSink sink) {
            this.fileName = fileName;
            this.maxStoryBytes = maxStoryBytes;
            this.sink = sink;
        }

        void feed(byte[] chunk, int n) throws InterruptedException {
            append(chunk, n);
            while (step()) {
                // keep going while something was consumed
            }
        }

        void end() throws InterruptedException {
            if (skipping) {
                tooLarge(skippedName);
            }
        }

        /** One step of the state machine; false when it needs more input. */
        private boolean step() throws InterruptedException {
            if (skipping) {
                int close = indexOf(CLOSE, 0);
                if (close < 0) {
                    keepTail(CLOSE.length - 1);
                    return false;
                }
                drop(close + CLOSE.length);
                skipping = false;
                tooLarge(skippedName);
                return true;
            }
            if (!inside) {
                int open = indexOf(OPEN, 0);
                while (open >= 0 && open + OPEN.length < length
                        && isNamePart(buffer[start + open + OPEN.length])) {
                    open = indexOf(OPEN, open + 1);
                }
                if (open < 0) {
                    keepTail(OPEN.length);
                    return false;
                }
                if (open + OPEN.length >= length) {
                    drop(open);
                    return false;
                }
                drop(open);
                inside = true;
                searchFrom = 0;
                return true;
            }
            int close = indexOf(CLOSE, searchFrom);
            if (close >= 0) {
                int end = close + CLOSE.length;
                stories++;
                String story = new String(buffer, start, end, StandardCharsets.ISO_8859_1);
                drop(end);
                inside = false;
                if (end > maxStoryBytes) {
                    tooLarge(fileName + "#NEWID=" + newId(story));
                    return true;
                }
                sink.document(new RawDocument(fileName + "#NEWID=" + newId(story), DocumentFormat.REUTERS_SGML,
                        story.getBytes(StandardCharsets.UTF_8), null));
                return true;
            }
            if (length > maxStoryBytes) {
                stories++;
                skippedName = fileName + "#NEWID=" + newId(new String(buffer, start, Math.min(length, 4096),
                        StandardCharsets.ISO_8859_1));
                skipping = true;
                inside = false;
                keepTail(CLOSE.length - 1);
                return true;
            }
            searchFrom = Math.max(0, length - CLOSE.length + 1);
            return false;
        }

        private void tooLarge(String name) throws InterruptedException {
            sink.failure(name, "The story is larger than " + maxStoryBytes + " bytes; refused");
        }

        private static boolean isNamePart(byte b) {
            return Character.isLetterOrDigit(b) || b == '_' || b == '-';
        }

        private static String newId(String start) {
            int end = start.indexOf('>');
            Matcher id = NEW_ID.matcher(end < 0 ? start : start.substring(0, end));
            return id.find() ? id.group(1) : "?";
        }

        private void append(byte[] chunk, int n) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, length);
                start = 0;
            }
            if (length + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
            }
            System.arraycopy(chunk, 0, buffer, length, n);
            length += n;
        }

        /** Forgets the first {@code count} bytes (compacted on the next append). */
        private void drop(int count) {
            start += count;
            length -= count;
            searchFrom = Math.max(0, searchFrom - count);
        }

        private void keepTail(int count) {
            if (length > count) {
                drop(length - count);
            }
        }

        private int indexOf(byte[] pattern, int from) {
            outer:
            for (int i = from; i <= length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (buffer[start + i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
