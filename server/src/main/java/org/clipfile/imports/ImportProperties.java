package org.clipfile.imports;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.clipfile.ingest.ImportLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param spoolDir where uploaded archives wait until their import has finished (so a restart can resume it)
 * @param allowedRoots server folders an import may read; empty means imports of server folders are refused
 * @param parseThreads parallel parsers (0: one per core)
 * @param bulkOperations documents per bulk request
 * @param bulkSize bytes per bulk request
 * @param maxOutage how long an import waits for an unreachable Elasticsearch before it stops (resumably)
 * @param maxDocumentSize the largest single document in an import
 * @param maxArchiveSize the most an archive may expand to
 * @param abandonedAfter a running job whose server has not reported for this long is taken over and re-run; a
 *     re-index whose server has not reported for this long is reported failed and its lock can be taken over
 */
@Validated
@ConfigurationProperties("clipfile.imports")
public record ImportProperties(
        @DefaultValue("data/imports") Path spoolDir,
        @DefaultValue List<Path> allowedRoots,
        @DefaultValue("0") @Min(0) int parseThreads,
        @DefaultValue("500") @Min(1) int bulkOperations,
        @DefaultValue("5MB") DataSize bulkSize,
        @DefaultValue("10m") Duration maxOutage,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue("8GB") DataSize maxArchiveSize,
        @DefaultValue("30s") Duration abandonedAfter) {

    int effectiveParseThreads() {
        return parseThreads > 0 ? parseThreads : Runtime.getRuntime().availableProcessors();
    }

    ImportLimits limits() {
        return new ImportLimits(maxDocumentSize.toBytes(), maxArchiveSize.toBytes(), 200);
    }
}
