package org.clipfile.versions;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The earlier text of an article could not be kept, so the new text was not written over it. */
public class VersionNotKeptException extends ProblemException {
    public VersionNotKeptException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "version-not-kept", "Earlier version not kept", message);
        retryAfter(5);
    }
}
