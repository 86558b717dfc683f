package org.clipfile.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One document an import could not index, and why. */
public record ImportFailure(@JsonProperty("job_id") String jobId, String document, String reason, Instant at) {}
