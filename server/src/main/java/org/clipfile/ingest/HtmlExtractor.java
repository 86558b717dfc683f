package org.clipfile.ingest;

import org.clipfile.article.ArticleDraft;
import org.jspecify.annotations.Nullable;

/**
 * Turns an HTML page into an article draft. Implemented in {@code ingest.html}; declared here so that the
 * format switch depends on the contract, not on the extractor, and the two packages do not import each other.
 */
public interface HtmlExtractor {
    ArticleDraft extract(byte[] html, @Nullable String sourceUrl);
}
