package org.clipfile.problem;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An exception that carries its own answer: the HTTP status, the RFC 9457 problem type ({@code /problems/<slug>}),
 * title and detail, and any header (a {@code Retry-After}) or extra member ({@code position}). The web layer answers
 * it as it is (Spring's {@code ResponseEntityExceptionHandler} handles every {@link ErrorResponseException}), so a
 * feature declares its failures next to its code instead of in one advice.
 *
 * <p>{@link #getMessage()} stays the plain message the exception was made with (for logs and an import's list of
 * failures), not Spring's summary of the problem.
 */
public abstract class ProblemException extends ErrorResponseException {
    private final String message;

    protected ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, detail, null);
    }

    /** With a message other than the detail the caller reads (the detail may add context, as {@code q: }). */
    protected ProblemException(HttpStatus status, String slug, String title, String detail, String message,
            @Nullable Throwable cause) {
        super(status, problem(status, slug, title, detail), cause);
        this.message = message;
    }

    /** The problem document of that status, type, title and detail. */
    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }

    /** Asks the caller to try again after that many seconds ({@code Retry-After}). */
    protected final void retryAfter(int seconds) {
        getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(seconds));
    }

    /** An extra member of the problem document. */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    @Override
    public String getMessage() {
        return message;
    }
}
