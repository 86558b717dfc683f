package org.clipfile.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before everything else, security included: a multipart or form body is refused (415) on every endpoint
 * but the one upload endpoint ({@code POST /api/imports}), before anyone reads it. The container parses such
 * bodies, spooling files to disk, as soon as any code asks for a request parameter; no other endpoint takes one,
 * so there is nothing to gain from letting the container try. The upload endpoint itself is reached only after
 * authentication (see {@link SecurityConfiguration}), and its body is read by its controller only.
 */
final class RequestBodyGate extends OncePerRequestFilter {
    static boolean isFormBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT).strip();
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    /** The largest list of names a batch search takes as a multipart upload (a CSV of names, not an archive). */
    static final long MAX_NAME_LIST_UPLOAD = 10L << 20;

    static boolean mayCarryMultipart(HttpServletRequest request) {
        return request.getMethod().equals("POST")
                && (request.getRequestURI().equals("/api/imports") || isNameListUpload(request))
                && request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data");
    }

    private static boolean isNameListUpload(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/batch-searches");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isFormBody(request) && !mayCarryMultipart(request)) {
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Only POST /api/imports and POST /api/batch-searches take a "
                            + "multipart/form-data body; other endpoints take JSON (or the raw content their "
                            + "documentation names)");
            return;
        }
        if (isFormBody(request) && isNameListUpload(request) && (request.getContentLengthLong() < 0
                || request.getContentLengthLong() > MAX_NAME_LIST_UPLOAD)) {
            // Refused before the container spools it: a list of names has no business being larger.
            Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large",
                    "A list of names is at most " + (MAX_NAME_LIST_UPLOAD >> 20) + " MB, with its length declared");
            return;
        }
        chain.doFilter(request, response);
    }
}
