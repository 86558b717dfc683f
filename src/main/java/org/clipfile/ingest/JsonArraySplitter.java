package org.clipfile.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JSON file holding an array of articles: each element becomes its own document, named by its index. */
final class JsonArraySplitter {
    private JsonArraySplitter() {}

    static void split(String name, byte[] bytes, DocumentSink sink) throws InterruptedException {
        JsonNode array;
        try {
            array = JsonMapper.shared().readTree(bytes);
        } catch (JacksonException e) {
            sink.failure(name, "Malformed JSON array: " + e.getOriginalMessage());
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            sink.document(new RawDocument(name + "[" + i + "]", DocumentFormat.JSON,
                    JsonMapper.shared().writeValueAsBytes(array.get(i)), null));
        }
    }
}
