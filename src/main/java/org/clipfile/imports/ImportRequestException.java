package org.clipfile.imports;

/** The import request cannot be carried out as sent. */
public class ImportRequestException extends RuntimeException {
    public ImportRequestException(String message) {
        super(message);
    }
}
