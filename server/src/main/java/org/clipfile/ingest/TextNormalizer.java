package org.clipfile.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Unicode NFC, one kind of line break, no control characters, no trailing spaces. */
public final class TextNormalizer {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\uFEFF]");
    private static final Pattern INLINE_SPACE = Pattern.compile("[\\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");

    private TextNormalizer() {}

    public static String normalize(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        String nfc = Normalizer.normalize(unified, Normalizer.Form.NFC);
        String clean = CONTROL.matcher(nfc).replaceAll("");
        StringBuilder out = new StringBuilder(clean.length());
        for (String line : clean.split("\n", -1)) {
            out.append(INLINE_SPACE.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return out.toString().strip();
    }
}
