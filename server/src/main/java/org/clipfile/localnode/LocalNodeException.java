package org.clipfile.localnode;

/** The local Elasticsearch could not be started or did not become ready. */
public class LocalNodeException extends RuntimeException {
    public LocalNodeException(String message) {
        super(message);
    }

    public LocalNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
