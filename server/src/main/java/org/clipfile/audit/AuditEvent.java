package org.clipfile.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail.
 *
 * @param user the user name, {@code key:<name>} for an API key, {@code anonymous}
 * @param auth {@code session}, {@code api_key} or {@code anonymous}
 * @param action what was done: {@code search}, {@code export}, {@code article.view}, {@code article.ingest},
 *     {@code login}, {@code login.failed}, {@code access.denied}, ... (see the README)
 * @param query the search text ({@code q}) when there was one
 * @param parameters the whole query string
 * @param target the id of what was read or changed
 * @param resultCount results found (search), rows written (export), values listed
 * @param client the caller's address
 * @param instance the server instance that recorded it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        Instant at,
        String user,
        @Nullable String role,
        String auth,
        @JsonProperty("key_id") @Nullable String keyId,
        String action,
        @Nullable String method,
        @Nullable String path,
        @Nullable String query,
        @Nullable String parameters,
        @Nullable String target,
        int status,
        @JsonProperty("result_count") @Nullable Long resultCount,
        @Nullable String client,
        @Nullable String detail,
        @Nullable String instance) {

    /** Whether the event records a change (or a login): such events wait for room in a full queue. */
    boolean isChange() {
        return method != null && !method.equals("GET") && !method.equals("HEAD");
    }

    AuditEvent withInstance(String name) {
        return new AuditEvent(at, user, role, auth, keyId, action, method, path, query, parameters, target, status,
                resultCount, client, detail, name);
    }
}
