package org.clipfile.imports;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The import request cannot be carried out as sent. */
public class ImportRequestException extends ProblemException {
    public ImportRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-import", "Invalid import", message);
    }
}
