package org.clipfile.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic article ids: re-ingesting the same article, or a new version of the same URL, lands on the same
 * document instead of creating a duplicate. 96 bits of SHA-256 keep collisions negligible for billions of articles.
 */
public final class ArticleIds {
    private static final int ID_HEX_CHARS = 24;

    private ArticleIds() {}

    public static String contentHash(String title, String body) {
        return sha256Hex(title.strip() + "\n\n" + body.strip());
    }

    public static String idFor(@Nullable String url, String contentHash) {
        if (url != null && !url.isBlank()) {
            return sha256Hex("url:" + canonicalUrl(url)).substring(0, ID_HEX_CHARS);
        }
        return contentHash.substring(0, ID_HEX_CHARS);
    }

    /** Lower-cases scheme and host and drops the fragment, which never names a different article. */
    public static String canonicalUrl(String url) {
        String trimmed = url.strip();
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            trimmed = trimmed.substring(0, hash);
        }
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            return trimmed;
        }
        int hostEnd = trimmed.indexOf('/', schemeEnd + 3);
        String authority = hostEnd < 0 ? trimmed : trimmed.substring(0, hostEnd);
        String rest = hostEnd < 0 ? "/" : trimmed.substring(hostEnd);
        return authority.toLowerCase(Locale.ROOT) + rest;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
