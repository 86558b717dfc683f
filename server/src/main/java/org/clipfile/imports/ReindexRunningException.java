package org.clipfile.imports;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A re-index was asked for while another one runs (on this or another server instance). */
public class ReindexRunningException extends ProblemException {
    public ReindexRunningException(String message) {
        super(HttpStatus.CONFLICT, "reindex-running", "Re-index already running", message);
    }
}
