package org.clipfile.enrich.ner;

/** CoreNLP's tokenizer and sentence splitter as the fast recognizer runs them, measured apart by the benchmark. */
public final class TokenizerOnly {
    private final FastEntityRecognizer recognizer;

    public TokenizerOnly(FastEntityRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /** The tokenizer's settings, the same for both recognizers. */
    public static java.util.Properties properties() {
        return FastEntityRecognizer.tokenizerProperties();
    }

    /** Tokenizes and splits the text; returns the number of sentences so that the work cannot be skipped. */
    public int split(String text) {
        return recognizer.sentences(text).size();
    }
}
