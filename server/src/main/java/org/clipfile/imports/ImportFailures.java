package org.clipfile.imports;

import java.util.List;

/** One page of an import's failures, with their exact total. */
public record ImportFailures(long total, List<ImportFailure> failures) {}
