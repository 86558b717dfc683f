package org.clipfile.enrich.ner;

import java.util.function.Supplier;

/**
 * Which engine runs entity recognition ({@code clipfile.enrich.recognizer}): both give the same answers, token by
 * token, on every shared corpus (see docs/recognition.md); CoreNLP's own pipeline stays as the reference.
 */
public enum RecognizerEngine {
    /** CoreNLP's tokenizer, then CoreNLP's 3-class CRF model run by Clipfile's inference: about 8 times faster. */
    FAST(FastEntityRecognizer::new),
    /** Stanford CoreNLP's own pipeline (tokenize, ssplit, ner) with the same model. */
    CORENLP(CoreNlpEntityRecognizer::new);

    private final Supplier<EntityRecognizer> loader;

    RecognizerEngine(Supplier<EntityRecognizer> loader) {
        this.loader = loader;
    }

    /** Loads the model (a few seconds). */
    public EntityRecognizer load() {
        return loader.get();
    }
}
