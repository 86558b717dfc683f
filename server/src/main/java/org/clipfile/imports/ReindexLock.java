package org.clipfile.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The one document per archive alias that a re-index holds while it runs ({@code _id} {@code lock}, created with
 * {@code op_type=create}): a second start, on any instance, finds it and is refused unless its heartbeat is stale.
 */
record ReindexLock(String kind, String run, String owner, @JsonProperty("heartbeat_at") Instant heartbeatAt) {
    static final String KIND = "lock";
}
