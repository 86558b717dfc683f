package org.clipfile.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The only links an article keeps: absolute {@code http} and {@code https} URLs. Every client shows an article's
 * link; a {@code javascript:} or {@code data:} one would run or show whatever its author put there.
 */
public final class WebUrls {
    private WebUrls() {}

    /** The URL, stripped, if it is an absolute http(s) URL with a host; otherwise null. */
    public static @Nullable String httpOrNull(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String value = url.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return uri.getHost() == null ? null : value;
        } catch (URISyntaxException e) {
            // Real pages carry unescaped spaces or brackets in links; keep those as they are.
            return value.indexOf(' ') >= 0 || value.indexOf('[') >= 0 || value.indexOf('|') >= 0 ? value : null;
        }
    }
}
