package org.clipfile.enrich.ner;

import java.util.List;

/** Finds the names of people, organizations and locations in a text. Implementations are thread-safe. */
public interface EntityRecognizer {

    /** The mentions in text order; blank lines in the text end a sentence. */
    List<Mention> recognize(String text);
}
