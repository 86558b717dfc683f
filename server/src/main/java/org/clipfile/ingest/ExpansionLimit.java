package org.clipfile.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes actually read from a stream (an inflating archive entry) and fails past a limit. */
final class ExpansionLimit extends FilterInputStream {
    /** Thrown by a read that would go past the limit. */
    static final class Exceeded extends IOException {
        Exceeded(long limit) {
            super("More than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    ExpansionLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws Exceeded {
        count += n;
        if (count > limit) {
            throw new Exceeded(limit);
        }
    }
}
