package org.clipfile.labels;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.clipfile.problem.ApiProblem;

/**
 * What a label may be. A label is compared and stored in one form: NFC, lower case, runs of spaces made one, no
 * space at either end; "Flood  Defences" and "flood defences" are one label. It starts with a letter or digit and
 * holds letters, marks, digits, spaces, hyphens, underscores and full stops only (no slash: it is a path segment;
 * no control or direction characters).
 */
public final class Labels {
    public static final int MAX_LENGTH = 40;
    public static final int MAX_PER_ARTICLE = 20;
    /** Longer input is refused before it is normalized. */
    private static final int MAX_INPUT_CHARS = 200;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} _.\\-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Labels() {}

    /** The stored form of a label, or a {@code 400} problem saying what is wrong with it. */
    public static String normalize(String raw) {
        if (raw.length() > MAX_INPUT_CHARS) {
            throw invalid("A label has at most " + MAX_LENGTH + " characters");
        }
        String label = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).strip()).replaceAll(" ")
                .toLowerCase(Locale.ROOT);
        if (label.isEmpty()) {
            throw invalid("A label cannot be empty");
        }
        if (label.codePointCount(0, label.length()) > MAX_LENGTH) {
            throw invalid("A label has at most " + MAX_LENGTH + " characters");
        }
        if (!VALID.matcher(label).matches()) {
            throw invalid("A label starts with a letter or digit and holds only letters, digits, spaces, hyphens, "
                    + "underscores and full stops");
        }
        return label;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.of(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-label", "Invalid label",
                detail);
    }
}
