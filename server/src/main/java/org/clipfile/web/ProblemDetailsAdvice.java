package org.clipfile.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.stream.Collectors;
import org.clipfile.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves the server as an RFC 9457 problem with a stable {@code type} and a {@code detail} written
 * for the caller. Nothing internal (stack traces, exception messages of libraries) reaches the caller.
 *
 * <p>The application's own failures carry their status and problem type themselves
 * ({@link org.clipfile.problem.ProblemException}, answered as they are by the inherited handler of
 * {@link org.springframework.web.ErrorResponseException}); this advice maps only what libraries throw (Elasticsearch,
 * the servlet container, Spring MVC's own request errors) and anything unexpected.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        return ProblemException.problem(status, slug, title, detail);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail badMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The multipart body could not be read: a file upload needs multipart/form-data with a boundary");
    }

    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> elasticsearch(ElasticsearchException e) {
        String type = e.error() == null ? "" : e.error().type();
        if ("search_context_missing_exception".equals(type) || (e.status() == 404 && e.getMessage() != null
                && e.getMessage().contains("search_context_missing"))) {
            return ResponseEntity.status(HttpStatus.GONE).body(problem(HttpStatus.GONE, "cursor-expired",
                    "Cursor expired", "The cursor has expired (cursors live 5 minutes between pages); start again "
                            + "with cursor="));
        }
        if ("index_not_found_exception".equals(type)) {
            return unavailable("The archive index is not ready yet; try again in a few seconds");
        }
        if (e.status() == 429 || e.status() == 503) {
            return unavailable("Elasticsearch is overloaded or recovering; try again shortly");
        }
        log.error("Elasticsearch rejected a request", e);
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem(HttpStatus.BAD_GATEWAY,
                "search-backend-error", "Search backend error",
                "Elasticsearch rejected the request; the server log has the details"));
    }

    /**
     * Only a failure to reach Elasticsearch is a 503: any other I/O error (a full disk, a bad spool path) is the
     * server's own and a 500, and a client that went away gets nothing.
     */
    @ExceptionHandler({TransportException.class, IOException.class})
    ResponseEntity<ProblemDetail> unreachable(Exception e) {
        if (e.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
            log.debug("The client went away: {}", e.toString());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "client-aborted",
                    "Request aborted", "The request was aborted by the client"));
        }
        if (!isTransportFailure(e)) {
            log.error("I/O error", e);
            return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal-error", "Internal error", "The server failed to handle the request; its log has "
                            + "the details"));
        }
        log.warn("Elasticsearch is unreachable: {}", e.toString());
        return unavailable("Elasticsearch is unreachable; the archive is temporarily unavailable");
    }

    /** A failure of the connection to Elasticsearch (refused, reset, timed out, unknown host...). */
    static boolean isTransportFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (cause instanceof TransportException || cause instanceof java.net.SocketException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof javax.net.ssl.SSLException
                    || name.startsWith("org.apache.hc.") || name.startsWith("co.elastic.clients.transport.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Tomcat refuses a query string it cannot decode (invalid UTF-8, a broken %-escape) when it is read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail invalidParameter(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "The query string cannot be decoded: parameters must be %-encoded UTF-8");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server failed to handle the request; its log has the details");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "backend-unavailable", "Archive unavailable", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request body", unreadableDetail(e)));
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Required request body is missing")) {
            return "The request body is empty";
        }
        JacksonException json = findCause(e, JacksonException.class);
        if (json != null && json.getLocation() != null) {
            return "The request body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + "): " + json.getOriginalMessage();
        }
        return "The request body could not be read as the declared content type";
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .map(ProblemDetailsAdvice::describe)
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", detail));
    }

    private static String describe(ParameterValidationResult result) {
        return result.getResolvableErrors().stream()
                .map(error -> error.getDefaultMessage())
                .collect(Collectors.joining(", "));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            problem.setType(type("http-" + status.value()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
