package org.clipfile.web;

/** A malformed or out-of-range request: {@link ProblemDetailsAdvice} answers it with a 400 invalid-request problem. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
