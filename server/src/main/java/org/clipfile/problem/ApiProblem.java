package org.clipfile.problem;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem a feature's controller raises on the spot with its own status, type and detail, when the
 * failure needs no class of its own.
 */
public final class ApiProblem extends ProblemException {
    private ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail);
    }

    public static ApiProblem of(HttpStatus status, String slug, String title, String detail) {
        return new ApiProblem(status, slug, title, detail);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail);
    }
}
