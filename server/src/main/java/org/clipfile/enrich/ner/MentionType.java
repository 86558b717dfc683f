package org.clipfile.enrich.ner;

/** The three coarse types a recognizer reports, as in the CoNLL 3-class scheme. */
public enum MentionType {
    PERSON,
    ORGANIZATION,
    LOCATION
}
