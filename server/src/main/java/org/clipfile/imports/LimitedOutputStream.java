package org.clipfile.imports;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stops an upload at a limit instead of filling the disk. */
final class LimitedOutputStream extends FilterOutputStream {
    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("limit exceeded");
        }
    }

    private final long limit;
    private long written;

    LimitedOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(long n) throws LimitExceeded {
        written += n;
        if (written > limit) {
            throw new LimitExceeded();
        }
    }
}
