package org.clipfile.versions;

/** The earlier text of an article could not be kept, so the new text was not written over it. */
public class VersionNotKeptException extends RuntimeException {
    public VersionNotKeptException(String message) {
        super(message);
    }
}
