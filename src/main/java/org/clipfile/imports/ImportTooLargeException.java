package org.clipfile.imports;

/** The upload is too large. */
public class ImportTooLargeException extends RuntimeException {
    public ImportTooLargeException(String message) {
        super(message);
    }
}
