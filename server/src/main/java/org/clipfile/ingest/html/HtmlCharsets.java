package org.clipfile.ingest.html;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.ingest.TextDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Decodes page bytes: byte order mark, then strict UTF-8 when the bytes are valid UTF-8 with non-ASCII content,
 * then a charset declared in the first bytes, then windows-1252 (what "ISO-8859-1" pages really are, per the WHATWG
 * encoding standard).
 */
final class HtmlCharsets {
    /** Browsers look at the first 1024 bytes for a declaration; pages with long heads put it a little later. */
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern DECLARED = Pattern.compile(
            "<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{2,40})"
                    + "|<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{2,40})",
            Pattern.CASE_INSENSITIVE);
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlCharsets() {}

    record Decoded(String text, Charset charset) {}

    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        // Text in a legacy charset with non-ASCII bytes is almost never valid UTF-8 as a whole, so valid UTF-8 wins
        // over a declaration: saved pages are often re-encoded to UTF-8 without their meta tag being updated.
        String utf8 = hasNonAscii(bytes) ? strictUtf8(bytes) : null;
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null) {
            return new Decoded(new String(bytes, declared), declared);
        }
        if (!hasNonAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
    }

    static @Nullable Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARED.matcher(head);
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            Charset charset = forLabel(name);
            if (charset != null) {
                return charset;
            }
        }
        return null;
    }

    private static @Nullable Charset forLabel(String label) {
        String name = label.toLowerCase(Locale.ROOT);
        // A page that reached us as ASCII-compatible bytes cannot really be UTF-16; browsers read such labels as UTF-8.
        if (name.startsWith("utf-16") || name.startsWith("utf16") || name.equals("unicode")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("latin-1") || name.equals("us-ascii")
                || name.equals("ascii") || name.equals("iso8859-1") || name.equals("iso_8859-1")) {
            return WINDOWS_1252;
        }
        if (name.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String strictUtf8(byte[] bytes) {
        return TextDecoder.strictUtf8(bytes);
    }

    /**
     * Binary files (images, PDFs, archives) have many control bytes early on; text in any ASCII-compatible charset
     * has almost none.
     */
    static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return false;
        }
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return sample > 0 && control * 20 > sample;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
