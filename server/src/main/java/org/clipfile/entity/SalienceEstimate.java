package org.clipfile.entity;

/**
 * The salience given to an entity stored without one (enriched before salience was stored): the frequency part of
 * enrichment's salience alone, from the mention count. Here rather than in {@code enrich} because the stored
 * document is derived from it; enrichment's full salience uses the same weight.
 */
public final class SalienceEstimate {
    /** The weight of how often the article names the entity. */
    public static final double FREQUENCY = 0.25;
    /** Mentions from which the frequency part is full. */
    public static final int FREQUENT = 4;

    private SalienceEstimate() {}

    public static double of(int mentions) {
        return Math.round(FREQUENCY * Math.min(1.0, mentions / (double) FREQUENT) * 1000) / 1000.0;
    }
}
