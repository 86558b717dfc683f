package org.clipfile.enrich;

import java.util.List;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.entity.SalienceEstimate;

/**
 * How much an article is about one of its people, groups or places, from 0 to 1: named in the title (0.35), in the
 * first paragraph (0.25), how often (0.25, full from 4 mentions) and its share of all the name mentions of the
 * article (0.15). An article about Iran scores about 0.9 for Iran; an earnings table that names Iran once, under
 * 0.3. Search ranks scoped queries and entity filters by it (docs/relevance.md).
 *
 * @param titleEnd the offset where the title ends in the analysed text (0 without a title)
 * @param leadEnd the offset where the first paragraph of the body ends
 * @param totalMentions the name mentions of all the article's entities and places together
 */
public record Salience(int titleEnd, int leadEnd, int totalMentions) {
    static final double IN_TITLE = 0.35;
    static final double IN_LEAD = 0.25;
    static final double FREQUENCY = SalienceEstimate.FREQUENCY;
    static final double SHARE = 0.15;
    /** Mentions from which the frequency part is full. */
    static final int FREQUENT = SalienceEstimate.FREQUENT;
    /** A first paragraph longer than this is cut: wire copy often has no paragraph breaks. */
    static final int MAX_LEAD = 400;

    /**
     * @param text the analysed text: the title, a blank line and the body (or only one of them)
     * @param titleLength the length of the title in {@code text}, 0 when the text is only a body
     */
    static Salience of(String text, int titleLength, int totalMentions) {
        int bodyStart = titleLength == 0 ? 0 : Math.min(text.length(), titleLength + 2);
        int paragraph = text.indexOf("\n\n", bodyStart);
        int leadEnd = Math.min(paragraph < 0 ? text.length() : paragraph, bodyStart + MAX_LEAD);
        return new Salience(titleLength, Math.min(leadEnd, text.length()), totalMentions);
    }

    double of(List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return 0;
        }
        boolean inTitle = mentions.stream().anyMatch(m -> m.begin() < titleEnd);
        boolean inLead = mentions.stream().anyMatch(m -> m.begin() >= titleEnd && m.begin() < leadEnd);
        double frequency = Math.min(1.0, mentions.size() / (double) FREQUENT);
        double share = totalMentions == 0 ? 0 : Math.min(1.0, mentions.size() / (double) totalMentions);
        double value = (inTitle ? IN_TITLE : 0) + (inLead ? IN_LEAD : 0) + FREQUENCY * frequency + SHARE * share;
        return Math.round(value * 1000) / 1000.0;
    }

    /** For entities stored without a salience: the frequency part alone, from the mention count. */
    public static double estimate(int mentions) {
        return SalienceEstimate.of(mentions);
    }
}
