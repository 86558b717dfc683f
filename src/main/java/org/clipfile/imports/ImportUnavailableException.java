package org.clipfile.imports;

/** Imports cannot start yet: the article index is not ready (Elasticsearch starting or unreachable). */
public class ImportUnavailableException extends RuntimeException {
    public ImportUnavailableException(String message) {
        super(message);
    }
}
