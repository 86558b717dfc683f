package org.clipfile.ingest;

/**
 * Limits that keep an import from exhausting the server.
 *
 * @param maxDocumentBytes the largest single document (file, archive entry, NDJSON line)
 * @param maxArchiveBytes the most an archive may expand to in total (zip bombs stop here)
 * @param maxCompressionRatio an entry expanding more than this many times its compressed size is refused
 */
public record ImportLimits(long maxDocumentBytes, long maxArchiveBytes, long maxCompressionRatio) {
    public static ImportLimits defaults() {
        return new ImportLimits(10L << 20, 8L << 30, 200);
    }
}
