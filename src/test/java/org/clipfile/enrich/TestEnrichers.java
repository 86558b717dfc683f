package org.clipfile.enrich;

import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.CoreNlpEntityRecognizer;
import org.clipfile.enrich.places.TestGazetteers;

/** The real engine and data, loaded once per test JVM (CoreNLP and the gazetteer take seconds each). */
public final class TestEnrichers {
    private static volatile CoreNlpEntityRecognizer recognizer;

    private TestEnrichers() {}

    public static CoreNlpEntityRecognizer coreNlp() {
        if (recognizer == null) {
            synchronized (TestEnrichers.class) {
                if (recognizer == null) {
                    recognizer = new CoreNlpEntityRecognizer();
                }
            }
        }
        return recognizer;
    }

    /** A new enricher on the shared engine and gazetteer, with a fresh registry from the seed file. */
    public static Enricher real() {
        return new Enricher(coreNlp(), AliasRegistry.loadDefault(), TestGazetteers.real());
    }
}
