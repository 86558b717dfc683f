package org.clipfile.web;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A posted article longer than the limit: a 413 article-too-large problem. */
class ArticleTooLargeException extends ProblemException {
    ArticleTooLargeException(int chars, int limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "article-too-large", "Article too large", "The article has " + chars
                + " characters; the limit is " + limit + " (clipfile.ingest.max-article-chars)");
    }
}
