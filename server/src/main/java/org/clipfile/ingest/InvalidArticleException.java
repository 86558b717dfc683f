package org.clipfile.ingest;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The input cannot become an article; the message tells the sender what to fix. */
public class InvalidArticleException extends ProblemException {
    public InvalidArticleException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-article", "Invalid article", message);
    }
}
