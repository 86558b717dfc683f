package org.clipfile.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON file holding an array of articles: each element becomes its own document, named by its index. The array
 * is streamed, never held whole: each element is copied on its own, and one larger than the document limit is
 * reported and skipped without being kept.
 */
final class JsonArraySplitter {
    private JsonArraySplitter() {}

    /** Splits the array read from {@code in}; an element over {@code maxElementBytes} is a failure of its own. */
    static void split(String name, InputStream in, long maxElementBytes, DocumentSink sink)
            throws IOException, InterruptedException {
        int maxString = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1, maxElementBytes));
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString)
                        .maxNameLength(Math.min(maxString, 50_000)).build())
                .build();
        int index = 0;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                sink.failure(name, "Malformed JSON array: it does not start with [");
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    sink.failure(name, "Malformed JSON array: it ends before its closing ]");
                    return;
                }
                String element = name + "[" + index++ + "]";
                CappedBuffer buffer = new CappedBuffer(maxElementBytes);
                try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), buffer)) {
                    copyElement(parser, generator, buffer);
                }
                if (buffer.overflowed) {
                    sink.failure(element, "The document is larger than " + maxElementBytes + " bytes; refused");
                } else {
                    sink.document(new RawDocument(element, DocumentFormat.JSON, buffer.toByteArray(), null));
                }
            }
        } catch (StreamConstraintsException e) {
            // A single string or name longer than a whole document: the parser cannot step over it.
            sink.failure(name + "[" + (index - 1) + "]", "The document is larger than " + maxElementBytes
                    + " bytes; refused, and the rest of the array is not imported");
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException reading) {
                throw reading; // the input failed (or went past a limit), not the JSON
            }
            sink.failure(index == 0 ? name : name + "[" + (index - 1) + "]",
                    "Malformed JSON array: " + e.getOriginalMessage());
        }
    }

    /** Copies the element the parser stands on, event by event; once over the cap, only walks to its end. */
    private static void copyElement(JsonParser parser, JsonGenerator generator, CappedBuffer buffer) {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (true) {
            if (!buffer.overflowed) {
                generator.copyCurrentEvent(parser);
                generator.flush();
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
            if (token == null) {
                return;
            }
        }
    }

    /** Keeps bytes up to a cap, then notes the overflow and drops the rest. */
    private static final class CappedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long cap;
        boolean overflowed;

        CappedBuffer(long cap) {
            this.cap = cap;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (overflowed) {
                return;
            }
            if (bytes.size() + (long) len > cap) {
                overflowed = true;
                bytes.reset();
                return;
            }
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
