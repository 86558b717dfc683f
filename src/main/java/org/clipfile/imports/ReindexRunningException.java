package org.clipfile.imports;

/** A re-index was asked for while another one runs (on this or another server instance). */
public class ReindexRunningException extends RuntimeException {
    public ReindexRunningException(String message) {
        super(message);
    }
}
