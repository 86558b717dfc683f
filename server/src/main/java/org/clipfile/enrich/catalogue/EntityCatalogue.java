package org.clipfile.enrich.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.enrich.names.NameKeys;
import org.jspecify.annotations.Nullable;

/**
 * What the articles of an archive say about its people and groups, each as the article alone resolved it (before any
 * link across the archive, so links are always decided afresh and can be undone): the names used, article counts,
 * first and last seen, the entities and countries it appears with, and which longer names a short form or acronym
 * stood for where an article used both ("Baker" with "James Baker", "EC" with "European Community"). Adding an
 * article is a few map updates in memory; {@link #decide} turns the whole into {@link EntityLinks}. Thread-safe.
 */
public final class EntityCatalogue {
    /** Co-occurrence counts kept per entity: enough to tell James Baker's stories from Howard Baker's. */
    static final int MOST_CONTEXT = 400;

    private final Map<String, Entry> entries = new HashMap<>();
    /** "person|baker" -> {person:james-baker: 150, person:howard-baker: 12}: a short form used beside a longer name. */
    private final Map<String, Map<String, Integer>> shortForms = new HashMap<>();
    /** Articles per context item: every entity, country and tag. */
    private final Map<String, Integer> frequency = new HashMap<>();
    /** Words the archive writes in lower case, up to {@link #MOST_WORDS}. */
    private final java.util.Set<String> lowercaseWords = new java.util.HashSet<>();
    static final int MOST_WORDS = 1_000_000;
    private long articles;

    /** One entity of the catalogue, as articles resolved it on their own. */
    static final class Entry {
        final String id;
        final String type;
        /** The name articles displayed it by (their most complete name for it), with counts. */
        final Map<String, Integer> displayed = new LinkedHashMap<>();
        /** Every name articles used for it, short forms included, with counts. */
        final Map<String, Integer> names = new LinkedHashMap<>();
        final Map<String, Integer> context = new HashMap<>();
        int articles;
        @Nullable Instant firstSeen;
        @Nullable Instant lastSeen;

        Entry(String id, String type) {
            this.id = id;
            this.type = type;
        }

        String name() {
            return displayed.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(id);
        }
    }

    public void add(Enrichment enrichment, @Nullable Instant published) {
        add(enrichment, published, List.of());
    }

    /**
     * Counts an article in.
     *
     * @param tags the article's tags and section (an archive's topics: "money-fx", "crude"), part of the context
     */
    public void add(Enrichment enrichment, @Nullable Instant published, List<String> tags) {
        add(enrichment, published, tags, "");
    }

    /**
     * Counts an article in, and the words its text writes in lower case: a word an archive writes in lower case
     * ("bond", "gold", "north") is not read as a name in a line in capitals.
     */
    public synchronized void add(Enrichment enrichment, @Nullable Instant published, List<String> tags, String text) {
        lowercaseWords(text);
        articles++;
        Enrichment original = EntityLinks.restore(enrichment);
        List<EntityFacet> entities = new ArrayList<>(original.people());
        entities.addAll(original.groups());
        List<String> context = new ArrayList<>();
        for (EntityFacet facet : entities) {
            context.add(facet.id());
        }
        List<String> more = contextOf(original, tags);
        context.addAll(more);
        for (String item : context) {
            frequency.merge(item, 1, Integer::sum);
        }
        for (EntityFacet facet : entities) {
            String id = facet.id();
            Entry entry = entries.computeIfAbsent(id, k -> new Entry(k, facet.type()));
            entry.articles++;
            if (published != null) {
                if (entry.firstSeen == null || published.isBefore(entry.firstSeen)) {
                    entry.firstSeen = published;
                }
                if (entry.lastSeen == null || published.isAfter(entry.lastSeen)) {
                    entry.lastSeen = published;
                }
            }
            entry.displayed.merge(facet.name(), 1, Integer::sum);
            List<String> names = facet.names();
            for (String name : names) {
                entry.names.merge(name, 1, Integer::sum);
            }
            for (String other : context) {
                if (!other.equals(id) && (entry.context.size() < MOST_CONTEXT || entry.context.containsKey(other))) {
                    entry.context.merge(other, 1, Integer::sum);
                }
            }
            if (names.size() > 1) {
                int longest = names.stream().mapToInt(n -> NameKeys.keyTokens(n).size()).max().orElse(0);
                for (String name : names) {
                    if (NameKeys.keyTokens(name).size() < longest || Names.isAcronym(name)) {
                        shortForms.computeIfAbsent(facet.type() + "|" + NameKeys.key(name), k -> new HashMap<>())
                                .merge(id, 1, Integer::sum);
                    }
                }
            }
        }
    }

    public synchronized long articles() {
        return articles;
    }

    public synchronized int size() {
        return entries.size();
    }

    private void lowercaseWords(String text) {
        int i = 0;
        while (i < text.length() && lowercaseWords.size() < MOST_WORDS) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean lower = true;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                lower &= Character.isLowerCase(text.charAt(i));
                i++;
            }
            if (lower && i - start >= 3) {
                lowercaseWords.add(NameKeys.fold(text.substring(start, i)));
            }
        }
    }

    /** Context items of an article beside its people and groups: its countries and tags. */
    static List<String> contextOf(Enrichment enrichment, List<String> tags) {
        List<String> context = new ArrayList<>();
        for (PlaceFacet place : enrichment.places()) {
            if (place.countryCode() != null && !context.contains("country:" + place.countryCode())) {
                context.add("country:" + place.countryCode());
            }
        }
        for (String tag : tags) {
            if (!context.contains("tag:" + tag)) {
                context.add("tag:" + tag);
            }
        }
        return context;
    }

    /** One entity of the catalogue, as articles resolved it on their own, for storing and showing. */
    public record View(String id, String type, String name, List<String> names, int articles,
            @Nullable Instant firstSeen, @Nullable Instant lastSeen, List<String> context) {}

    /** Every entity, most names and co-occurring entities first (at most ten of each). */
    public synchronized List<View> entries() {
        List<View> views = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            views.add(new View(entry.id, entry.type, entry.name(), top(entry.names, 10), entry.articles,
                    entry.firstSeen, entry.lastSeen, top(entry.context, 10)));
        }
        return views;
    }

    private static List<String> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit).map(Map.Entry::getKey).toList();
    }

    /** The links this catalogue supports now. */
    public EntityLinks decide() {
        return decide(LinkVetoes.none());
    }

    /** The links this catalogue supports now, never joining a pair an editor split apart. */
    public synchronized EntityLinks decide(LinkVetoes vetoes) {
        return new LinkDecider(Map.copyOf(entries), copy(shortForms), Map.copyOf(frequency), articles,
                java.util.Set.copyOf(lowercaseWords), vetoes).decide();
    }

    private static Map<String, Map<String, Integer>> copy(Map<String, Map<String, Integer>> map) {
        Map<String, Map<String, Integer>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }
}
