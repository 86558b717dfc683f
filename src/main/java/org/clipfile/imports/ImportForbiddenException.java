package org.clipfile.imports;

/** The import is not allowed. */
public class ImportForbiddenException extends RuntimeException {
    public ImportForbiddenException(String message) {
        super(message);
    }
}
