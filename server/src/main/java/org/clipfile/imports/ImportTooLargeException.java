package org.clipfile.imports;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The upload is too large. */
public class ImportTooLargeException extends ProblemException {
    public ImportTooLargeException(String message) {
        super(HttpStatus.CONTENT_TOO_LARGE, "import-too-large", "Import too large", message);
    }
}
