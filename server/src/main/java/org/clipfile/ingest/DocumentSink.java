package org.clipfile.ingest;

/** Receives what an import source yields: documents to parse, and entries refused before parsing. */
public interface DocumentSink {
    void document(RawDocument document) throws InterruptedException;

    void failure(String name, String reason) throws InterruptedException;
}
