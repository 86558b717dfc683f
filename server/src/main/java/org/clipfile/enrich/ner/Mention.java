package org.clipfile.enrich.ner;

/**
 * A name found in a text.
 *
 * @param text the covered text, exactly {@code source.substring(begin, end)}
 * @param begin character offset of the first character, inclusive
 * @param end character offset after the last character, exclusive
 */
public record Mention(String text, MentionType type, int begin, int end) {

    public Mention {
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("Bad mention offsets " + begin + ".." + end + " for '" + text + "'");
        }
    }

    public boolean overlaps(Mention other) {
        return begin < other.end && other.begin < end;
    }

    public Mention withType(MentionType newType) {
        return new Mention(text, newType, begin, end);
    }
}
