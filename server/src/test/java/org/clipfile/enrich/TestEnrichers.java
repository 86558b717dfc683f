package org.clipfile.enrich;

import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.ner.CoreNlpEntityRecognizer;
import org.clipfile.enrich.ner.FastEntityRecognizer;
import org.clipfile.enrich.places.TestGazetteers;

/** The real engines and data, loaded once per test JVM (each model and the gazetteer take seconds). */
public final class TestEnrichers {
    private static volatile CoreNlpEntityRecognizer recognizer;
    private static volatile FastEntityRecognizer fastRecognizer;

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

    /** The default engine: CoreNLP's model run by Clipfile's inference. */
    public static FastEntityRecognizer fast() {
        if (fastRecognizer == null) {
            synchronized (TestEnrichers.class) {
                if (fastRecognizer == null) {
                    fastRecognizer = new FastEntityRecognizer();
                }
            }
        }
        return fastRecognizer;
    }

    /** A new enricher on the shared engine and gazetteer, with a fresh registry from the seed file. */
    public static Enricher real() {
        return new Enricher(fast(), AliasRegistry.loadDefault(), TestGazetteers.real());
    }
}
