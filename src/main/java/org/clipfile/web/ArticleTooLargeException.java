package org.clipfile.web;

class ArticleTooLargeException extends RuntimeException {
    ArticleTooLargeException(int chars, int limit) {
        super("The article has " + chars + " characters; the limit is " + limit
                + " (clipfile.ingest.max-article-chars)");
    }
}
