package org.clipfile.imports;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Imports cannot start yet: the article index is not ready (Elasticsearch starting or unreachable). */
public class ImportUnavailableException extends ProblemException {
    public ImportUnavailableException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "backend-unavailable", "Archive unavailable", message);
        retryAfter(5);
    }
}
