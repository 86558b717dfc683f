package org.clipfile.saved;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Secrets of feeds and webhooks: {@code ft_} and 32 random bytes for a feed (kept as SHA-256 only, like API keys),
 * 32 random bytes for a webhook's signing secret.
 */
final class FeedTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "ft_";

    private FeedTokens() {}

    static String newToken() {
        return PREFIX + randomText();
    }

    static String newSecret() {
        return randomText();
    }

    private static String randomText() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in constant time, so that the time taken says nothing about how much of a guess was right. */
    static boolean matches(@Nullable String token, @Nullable String storedHash) {
        if (token == null || storedHash == null || token.length() > 200) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
