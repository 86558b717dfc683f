package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a call touched and how much it found, beyond what the request line says, for its audit event: one per
 * request, kept with the request. A controller takes it as a parameter (see {@link AuditContextResolver}) and fills
 * in what it knows; the audit reads it when the call completes. A streamed answer may fill it in from another
 * thread, so its fields are volatile.
 */
public final class AuditContext {
    private static final String ATTRIBUTE = AuditContext.class.getName();

    private volatile @Nullable String user;
    private volatile @Nullable String target;
    private volatile @Nullable Long count;
    private volatile @Nullable String detail;

    private AuditContext() {}

    /** The request's context, made on first use. */
    public static AuditContext of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof AuditContext context) {
            return context;
        }
        AuditContext context = new AuditContext();
        request.setAttribute(ATTRIBUTE, context);
        return context;
    }

    /** The request's context if anything made one, for a reader that must not add one. */
    public static @Nullable AuditContext find(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof AuditContext context ? context : null;
    }

    /** The user a refused login was for (the caller is still anonymous then). */
    public AuditContext user(String user) {
        this.user = user;
        return this;
    }

    /** The id of what was read or changed. */
    public AuditContext target(String target) {
        this.target = target;
        return this;
    }

    /** How many results a search found, how many rows an export wrote. */
    public AuditContext count(long count) {
        this.count = count;
        return this;
    }

    /** A short description of a change ("role editor"). */
    public AuditContext detail(String detail) {
        this.detail = detail;
        return this;
    }

    public @Nullable String user() {
        return user;
    }

    public @Nullable String target() {
        return target;
    }

    public @Nullable Long count() {
        return count;
    }

    public @Nullable String detail() {
        return detail;
    }
}
