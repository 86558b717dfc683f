package org.clipfile.ingest.html;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the page says about itself, before the body is known. */
record PageMetadata(
        @Nullable String title,
        @Nullable String byline,
        @Nullable Instant published,
        @Nullable String siteName,
        @Nullable String canonicalUrl,
        @Nullable String language,
        @Nullable String section,
        List<String> tags) {

    PageMetadata {
        tags = List.copyOf(tags);
    }
}
