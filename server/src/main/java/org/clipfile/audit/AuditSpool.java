package org.clipfile.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit events that could not be written to Elasticsearch, kept on disk (one JSON line each, in a file only the
 * server's account may read) so that a crash during an outage does not lose them. They are sent in order once
 * Elasticsearch answers again, and the file is removed when all are sent. A crash while they are being sent may
 * send some twice; none is lost. Used by the audit writer thread only.
 */
final class AuditSpool {
    private static final int READ_CHUNK = 4 << 20;

    private final Path file;
    private final long maxBytes;
    private long sent;

    AuditSpool(Path dir, long maxBytes) {
        this.file = dir.resolve("pending.ndjson");
        this.maxBytes = maxBytes;
    }

    boolean hasPending() throws IOException {
        return Files.isRegularFile(file) && Files.size(file) > sent;
    }

    /** Appends events; returns how many did not fit under the size limit (to be counted as dropped). */
    int append(List<AuditEvent> events) throws IOException {
        if (events.isEmpty()) {
            return 0;
        }
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        long size = Files.size(file);
        int lost = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            for (AuditEvent event : events) {
                byte[] line = (JsonMapper.shared().writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
                if (size + line.length > maxBytes) {
                    lost++;
                    continue;
                }
                out.write(line);
                size += line.length;
            }
        }
        return lost;
    }

    /** The next events not yet sent, at most {@code max}; {@link #sent(Batch)} moves past them. */
    Batch next(int max) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        long offset = sent;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(0, channel.size() - offset)));
            channel.read(buffer, offset);
            byte[] bytes = buffer.array();
            int lineStart = 0;
            for (int i = 0; i < buffer.position() && events.size() < max; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                lineStart = i + 1;
                try {
                    events.add(JsonMapper.shared().readValue(line, AuditEvent.class));
                } catch (JacksonException e) {
                    // a line cut short by a crash: skipped
                }
            }
            if (lineStart == 0 && buffer.position() == buffer.capacity() && buffer.capacity() > 0) {
                lineStart = buffer.position(); // no line end in a whole chunk: not ours, skip it
            }
            offset += lineStart;
        }
        return new Batch(events, offset);
    }

    record Batch(List<AuditEvent> events, long endOffset) {}

    /** The batch is in Elasticsearch; once everything is, the file goes. */
    void sent(Batch batch) throws IOException {
        sent = batch.endOffset();
        if (Files.size(file) <= sent) {
            Files.delete(file);
            sent = 0;
        }
    }
}
