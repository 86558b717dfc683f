package org.clipfile.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.ner.Mention;
import org.clipfile.enrich.ner.MentionType;
import org.jspecify.annotations.Nullable;

/**
 * Turns the mentions of people and groups in one article into canonical entities:
 * <ol>
 *   <li>a name the alias registry knows becomes that entity, with the registry's type (HTS: a group);
 *   <li>other mentions with the same {@link NameKeys#key key} and type are one entity;
 *   <li>a group name qualified by a nationality is the group ("Syrian Al-Qaeda", the garbled "Al-Syrian Qaeda");
 *   <li>an all-caps word spelling the initials of a group of the article is that group (HTS, SOHR);
 *   <li>a short form is linked to a longer name of the same type in the same article whose key tokens contain
 *       it in order ("Kirby": John Kirby; "Observatory": Syrian Observatory for Human Rights; "Bashar": Bashar
 *       al-Assad); when several fit, the most mentioned wins.
 * </ol>
 * Thread-safe: all state is per call, and the registry is read from one snapshot per lookup.
 */
public final class EntityResolver {
    /** Function words skipped when spelling the initials of a name (Syrian Observatory for Human Rights: SOHR). */
    private static final Set<String> NOT_IN_INITIALS = Set.of("of", "for", "the", "and", "in", "on", "to", "de",
            "du", "la", "le", "des", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "&");
    private static final int SHORTEST_ACRONYM = 2;
    private static final int LONGEST_ACRONYM = 6;

    private final AliasRegistry registry;
    private final Predicate<String> isDemonym;

    /**
     * @param isDemonym whether a word names a nationality ("Syrian"), to read "Syrian Al-Qaeda" as Al-Qaeda
     */
    public EntityResolver(AliasRegistry registry, Predicate<String> isDemonym) {
        this.registry = registry;
        this.isDemonym = isDemonym;
    }

    /** Whether the registry decides what this mention is, whatever type the tagger gave it. */
    public boolean claims(Mention mention) {
        return registry.findByName(mention.text()).isPresent();
    }

    /**
     * @param text the article, to find acronyms in
     * @param mentions the article's mentions of people and groups, and those {@link #claims claimed} by the registry
     * @param occupied every mention of the article (places too), where no acronym is looked for
     */
    public List<ResolvedEntity> resolve(String text, List<Mention> mentions, List<Mention> occupied) {
        Clusters clusters = new Clusters();
        for (Mention mention : mentions) {
            Optional<CanonicalEntity> registered = registry.findByName(mention.text());
            if (registered.isPresent()) {
                clusters.registered(registered.get()).add(mention);
            } else if (mention.type() != MentionType.LOCATION) {
                String key = NameKeys.key(mention.text());
                if (!key.isEmpty()) {
                    clusters.plain(EntityType.of(mention.type()), key).add(mention);
                }
            }
        }
        mergeNationalityQualified(clusters);
        addAcronyms(text, clusters, occupied);
        linkShortForms(clusters);
        return clusters.resolved();
    }

    private void mergeNationalityQualified(Clusters clusters) {
        for (Cluster cluster : clusters.live()) {
            if (cluster.type != EntityType.GROUP || cluster.registered != null) {
                continue;
            }
            String surface = cluster.longestSurface();
            String[] words = surface.split("[\\s\\-]+");
            StringBuilder rest = new StringBuilder();
            boolean dropped = false;
            for (String word : words) {
                if (isDemonym.test(word)) {
                    dropped = true;
                } else {
                    rest.append(rest.isEmpty() ? "" : " ").append(word);
                }
            }
            if (!dropped || rest.isEmpty()) {
                continue;
            }
            Optional<CanonicalEntity> registered = registry.findByName(rest.toString());
            Cluster target = registered.isPresent()
                    ? clusters.registered(registered.get())
                    : clusters.existingPlain(EntityType.GROUP, NameKeys.key(rest.toString()));
            if (target != null && target != cluster) {
                clusters.merge(cluster, target);
            }
        }
    }

    private void addAcronyms(String text, Clusters clusters, List<Mention> occupied) {
        Map<String, Cluster> byInitials = new HashMap<>();
        for (Cluster cluster : clusters.live()) {
            if (cluster.type != EntityType.GROUP) {
                continue;
            }
            for (String name : cluster.names()) {
                String initials = initials(name);
                if (initials.length() >= SHORTEST_ACRONYM && initials.length() <= LONGEST_ACRONYM) {
                    byInitials.merge(initials, cluster, (a, b) -> a.mentions.size() >= b.mentions.size() ? a : b);
                }
            }
        }
        if (byInitials.isEmpty()) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int begin = i;
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(begin, i);
            Cluster cluster = byInitials.get(word);
            if (cluster != null && isAllCaps(word) && isFree(occupied, begin, i) && !inShoutedText(text, begin, i)) {
                cluster.add(new Mention(word, cluster.type.mentionType(), begin, i));
            }
        }
    }

    /** An acronym among other all-caps words is more likely a headline in capitals ("WHAT IS NEXT"). */
    private static boolean inShoutedText(String text, int begin, int end) {
        return isAllCapsWord(previousWord(text, begin)) || isAllCapsWord(nextWord(text, end));
    }

    private static String previousWord(String text, int begin) {
        int end = begin;
        while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end);
    }

    private static String nextWord(String text, int end) {
        int start = end;
        while (start < text.length() && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        int stop = start;
        while (stop < text.length() && Character.isLetter(text.charAt(stop))) {
            stop++;
        }
        return text.substring(start, stop);
    }

    private static boolean isAllCapsWord(String word) {
        return word.length() >= 2 && isAllCaps(word);
    }

    private static boolean isFree(List<Mention> occupied, int begin, int end) {
        for (Mention mention : occupied) {
            if (mention.begin() < end && begin < mention.end()) {
                return false;
            }
        }
        return true;
    }

    private void linkShortForms(Clusters clusters) {
        List<Cluster> byLength = new ArrayList<>(clusters.live());
        byLength.sort(Comparator.comparingInt(Cluster::tokenCount));
        for (Cluster shortForm : byLength) {
            if (shortForm.registered != null || clusters.isMerged(shortForm)) {
                continue;
            }
            Cluster best = null;
            for (Cluster candidate : clusters.live()) {
                if (candidate == shortForm || candidate.type != shortForm.type || !shortForm.isShortFormOf(candidate)) {
                    continue;
                }
                if (best == null || candidate.mentions.size() > best.mentions.size()) {
                    best = candidate;
                }
            }
            if (best != null) {
                clusters.merge(shortForm, best);
            }
        }
    }

    /** The capital initials of a name's words, articles and function words skipped: "Hayat Tahrir al-Sham": HTS. */
    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[\\s\\-]+")) {
            if (word.isEmpty() || NOT_IN_INITIALS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            char first = word.charAt(0);
            if (!Character.isUpperCase(first)) {
                return "";
            }
            initials.append(first);
        }
        return initials.length() > 1 ? initials.toString() : "";
    }

    private static boolean isAllCaps(String word) {
        return word.chars().allMatch(Character::isUpperCase);
    }

    /** Mentions of one entity, before the entity gets its canonical form. */
    private static final class Cluster {
        final EntityType type;
        final @Nullable CanonicalEntity registered;
        final List<Mention> mentions = new ArrayList<>();
        /** Key tokens by name, shared by the clusters of one article: short-form linking compares them pairwise. */
        private final Map<String, List<String>> keys;

        Cluster(EntityType type, @Nullable CanonicalEntity registered, Map<String, List<String>> keys) {
            this.type = type;
            this.registered = registered;
            this.keys = keys;
        }

        List<String> keyTokens(String name) {
            return keys.computeIfAbsent(name, NameKeys::keyTokens);
        }

        void add(Mention mention) {
            mentions.add(mention);
        }

        /** The names to compare with: the surfaces and, for a registry entity, its canonical name. */
        List<String> names() {
            Set<String> names = new LinkedHashSet<>();
            if (registered != null) {
                names.add(registered.name());
            }
            mentions.forEach(m -> names.add(m.text()));
            return List.copyOf(names);
        }

        String longestSurface() {
            return mentions.stream().map(Mention::text)
                    .max(Comparator.comparingInt((String s) -> keyTokens(s).size())
                            .thenComparingInt(String::length))
                    .orElseThrow();
        }

        int tokenCount() {
            return names().stream().mapToInt(n -> keyTokens(n).size()).max().orElse(0);
        }

        /** Whether every name of this cluster is an in-order part of a longer name of the other, or its acronym. */
        boolean isShortFormOf(Cluster longer) {
            for (String name : names()) {
                List<String> tokens = keyTokens(name);
                boolean found = false;
                for (String longName : longer.names()) {
                    List<String> longTokens = longer.keyTokens(longName);
                    boolean acronym = tokens.size() == 1 && isAllCaps(name) && name.equals(initials(longName));
                    if (acronym || (longTokens.size() > tokens.size() && isSubsequence(tokens, longTokens))) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isSubsequence(List<String> part, List<String> whole) {
            int j = 0;
            for (String token : whole) {
                if (j < part.size() && part.get(j).equals(token)) {
                    j++;
                }
            }
            return j == part.size();
        }
    }

    /** The clusters of one article and which were merged into which. */
    private static final class Clusters {
        private final Map<String, Cluster> byRegistryId = new LinkedHashMap<>();
        private final Map<String, Cluster> byTypeAndKey = new LinkedHashMap<>();
        private final Set<Cluster> merged = new HashSet<>();
        private final Map<String, List<String>> keys = new HashMap<>();

        Cluster registered(CanonicalEntity entity) {
            return byRegistryId.computeIfAbsent(entity.id(), id -> new Cluster(entity.type(), entity, keys));
        }

        Cluster plain(EntityType type, String key) {
            return byTypeAndKey.computeIfAbsent(type + "|" + key, k -> new Cluster(type, null, keys));
        }

        @Nullable Cluster existingPlain(EntityType type, String key) {
            Cluster cluster = byTypeAndKey.get(type + "|" + key);
            return cluster == null || merged.contains(cluster) ? null : cluster;
        }

        List<Cluster> live() {
            List<Cluster> live = new ArrayList<>();
            byRegistryId.values().forEach(live::add);
            byTypeAndKey.values().stream().filter(c -> !merged.contains(c)).forEach(live::add);
            return live;
        }

        boolean isMerged(Cluster cluster) {
            return merged.contains(cluster);
        }

        void merge(Cluster from, Cluster into) {
            into.mentions.addAll(from.mentions);
            from.mentions.clear();
            merged.add(from);
        }

        List<ResolvedEntity> resolved() {
            Map<String, ResolvedEntity> byId = new LinkedHashMap<>();
            for (Cluster cluster : live()) {
                if (cluster.mentions.isEmpty()) {
                    continue;
                }
                List<Mention> mentions = new ArrayList<>(cluster.mentions);
                mentions.sort(Comparator.comparingInt(Mention::begin));
                Set<String> variants = new LinkedHashSet<>();
                String id;
                String name;
                if (cluster.registered != null) {
                    id = cluster.registered.id();
                    name = cluster.registered.name();
                    cluster.registered.names().forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
                } else {
                    name = displayName(mentions);
                    id = cluster.type.idPrefix() + NameKeys.slug(name);
                }
                mentions.forEach(m -> variants.addAll(NameKeys.searchVariants(m.text())));
                ResolvedEntity entity = new ResolvedEntity(id, cluster.type, name, variants, mentions,
                        cluster.registered != null);
                byId.merge(id, entity, Clusters::union);
            }
            return List.copyOf(byId.values());
        }

        /** The most complete name the article uses; among equals, the most frequent, then the first. */
        private static String displayName(List<Mention> mentions) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            mentions.forEach(m -> counts.merge(m.text(), 1, Integer::sum));
            return counts.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> NameKeys.keyTokens(e.getKey()).size())
                            .thenComparingInt(Map.Entry::getValue))
                    .orElseThrow().getKey();
        }

        private static ResolvedEntity union(ResolvedEntity a, ResolvedEntity b) {
            Set<String> variants = new LinkedHashSet<>(a.variants());
            variants.addAll(b.variants());
            List<Mention> mentions = new ArrayList<>(a.mentions());
            mentions.addAll(b.mentions());
            mentions.sort(Comparator.comparingInt(Mention::begin));
            return new ResolvedEntity(a.id(), a.type(), a.name(), variants, mentions, a.registered());
        }
    }
}
