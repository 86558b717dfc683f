package org.clipfile.ingest;

/** The input cannot become an article; the message tells the sender what to fix. */
public class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String message) {
        super(message);
    }
}
