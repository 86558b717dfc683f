package org.clipfile.security;

/**
 * Request attributes a controller sets for the audit: what the call touched and how much it found, beyond what the
 * request line says.
 */
public final class AuditAttributes {
    /** The user a refused login was for (the caller is still anonymous then). */
    public static final String USER = "clipfile.audit.user";
    /** The id of what was read or changed. */
    public static final String TARGET = "clipfile.audit.target";
    /** How many results a search found, how many rows an export wrote. */
    public static final String COUNT = "clipfile.audit.count";
    /** A short description of a change ("role editor"). */
    public static final String DETAIL = "clipfile.audit.detail";

    private AuditAttributes() {}
}
