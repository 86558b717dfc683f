package org.clipfile.imports;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The import is not allowed. */
public class ImportForbiddenException extends ProblemException {
    public ImportForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, "import-forbidden", "Import not allowed", message);
    }
}
