package org.clipfile.web;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A malformed or out-of-range request: a 400 invalid-request problem. */
public class BadRequestException extends ProblemException {
    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", message);
    }
}
