package org.clipfile.web;

import org.clipfile.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Nothing of that id or name: a 404 not-found problem. */
class NotFoundException extends ProblemException {
    NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", message);
    }
}
