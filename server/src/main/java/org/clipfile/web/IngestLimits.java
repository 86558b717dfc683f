package org.clipfile.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxArticleChars the largest single article accepted; larger ones get 413 */
@Validated
@ConfigurationProperties("clipfile.ingest")
record IngestLimits(@DefaultValue("2000000") @Min(1) int maxArticleChars) {
    void check(int chars) {
        if (chars > maxArticleChars) {
            throw new ArticleTooLargeException(chars, maxArticleChars);
        }
    }
}
