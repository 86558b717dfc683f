package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The single-page style of CSRF protection (token in the readable {@code XSRF-TOKEN} cookie, sent back in the
 * {@code X-XSRF-TOKEN} header), but the token is taken from the header only. Spring's own handlers fall back to a
 * {@code _csrf} request parameter, and looking for it makes the container read (and spool to disk) a whole
 * form or multipart body before the request is refused: anyone with a made-up session cookie could make the
 * server store gigabytes.
 */
final class HeaderOnlyCsrfTokenHandler implements CsrfTokenRequestHandler {
    private final CsrfTokenRequestAttributeHandler xor = new XorCsrfTokenRequestAttributeHandler();

    HeaderOnlyCsrfTokenHandler() {
        // Load the token on every request, so that the page gets its cookie on its first call.
        xor.setCsrfRequestAttributeName(null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        xor.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String header = request.getHeader(csrfToken.getHeaderName());
        return header == null || header.isBlank() ? null : header;
    }
}
