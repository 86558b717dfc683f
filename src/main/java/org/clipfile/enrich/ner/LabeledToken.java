package org.clipfile.enrich.ner;

/** A token with the label the CRF gave it ("O", "PERSON", ...), for comparing recognizers token by token. */
record LabeledToken(int sentence, String word, int begin, int end, String label) {}
