package org.clipfile.enrich.ner;

import java.util.List;

/** A token with the label the CRF gave it ("O", "PERSON", ...), for comparing recognizers token by token. */
record LabeledToken(int sentence, String word, int begin, int end, String label) {

    /** The labelled tokens of a text and the mentions made of them. */
    record LabeledText(List<LabeledToken> tokens, List<Mention> mentions) {}
}
