package org.clipfile.enrich.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.enrich.names.NameKeys;
import org.clipfile.enrich.ner.ShoutedLines;
import org.jspecify.annotations.Nullable;

/**
 * Links decided across the archive, applied to one article at a time: an entity the article alone resolved ("EC",
 * "Reagan", "Baker") takes the id of the entity it stands for ("European Community", "Ronald Reagan", James Baker
 * where the article's other entities are James Baker's). Immutable; {@link #none()} changes nothing.
 *
 * @see EntityCatalogue#decide()
 */
public final class EntityLinks {
    /** Link whatever the article says (the archive leaves no doubt). */
    public record Global(String from, String to, String reason) {}

    /** Link by the article's other entities, to one of these candidates or to none. */
    public record Contextual(String from, List<String> candidates, Map<String, Double> priors) {}

    /** A context is evidence when the best candidate is this many times likelier than the next. */
    private static final double MARGIN = Math.log(4);
    /** Weight of the archive-wide share of an item against a candidate's own counts. */
    private static final double SMOOTHING = 2;

    /** The reason of an entity found in a line in capitals by a name the archive knows: recomputed, never kept. */
    static final String IN_CAPITALS = "named in a line in capitals";
    /** The longest name, in key tokens, looked for in lines in capitals. */
    private static final int LONGEST_CAPITAL_NAME = 6;

    /** The reason of a name the recognizer read over two known names ("International Monetary Fund and World Bank"). */
    static final String TWO_NAMES = "two names read as one";

    private static final EntityLinks NONE =
            new EntityLinks(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of());

    private final Map<String, Global> global;
    private final Map<String, Contextual> contextual;
    private final Map<String, String> names;
    private final Map<String, Map<String, Integer>> contexts;
    private final Map<String, Integer> articles;
    /** Key of a name -> "type|id": names the archive uses often enough in normal case to read them in capitals. */
    private final Map<String, String> capitalNames;
    /** Articles per context item (entity, country, tag) over the archive, for smoothing. */
    private final Map<String, Integer> frequency;
    private final long archiveSize;
    /** Entities that are two known ones read as one name, and those two. */
    private final Map<String, List<String>> splits;

    EntityLinks(Map<String, Global> global, Map<String, Contextual> contextual, Map<String, String> names,
            Map<String, Map<String, Integer>> contexts, Map<String, Integer> articles,
            Map<String, String> capitalNames, Map<String, Integer> frequency, long archiveSize,
            Map<String, List<String>> splits) {
        this.splits = Map.copyOf(splits);
        this.frequency = Map.copyOf(frequency);
        this.archiveSize = archiveSize;
        this.capitalNames = Map.copyOf(capitalNames);
        this.global = Map.copyOf(global);
        this.contextual = Map.copyOf(contextual);
        this.names = Map.copyOf(names);
        this.contexts = Map.copyOf(contexts);
        this.articles = Map.copyOf(articles);
    }

    public static EntityLinks none() {
        return NONE;
    }

    public Map<String, Global> global() {
        return global;
    }

    public Map<String, Contextual> contextual() {
        return contextual;
    }

    /** Entities that are two known ones read as one name, and those two. */
    public Map<String, List<String>> splits() {
        return splits;
    }

    /** The name to display for a canonical id, when the catalogue has one. */
    public @Nullable String name(String id) {
        return names.get(id);
    }

    public boolean isEmpty() {
        return global.isEmpty() && contextual.isEmpty() && splits.isEmpty();
    }

    /** The article's people and groups linked: each as the article alone resolved it, then under these links. */
    public Enrichment apply(Enrichment enrichment) {
        return apply(enrichment, "", List.of());
    }

    /**
     * The same, and with the names the archive knows found in the text's lines in capitals (a headline, a one-line
     * brief: "BAKER SAYS DOLLAR FALL NOT ENOUGH"), which recognition does not read.
     */
    public Enrichment apply(Enrichment enrichment, String text, List<String> tags) {
        Enrichment original = inCapitals(restore(enrichment), text);
        if (isEmpty()) {
            return original;
        }
        Set<String> context = new LinkedHashSet<>();
        original.people().forEach(p -> context.add(p.id()));
        original.groups().forEach(g -> context.add(g.id()));
        context.addAll(EntityCatalogue.contextOf(original, tags));
        // People and groups are linked together: a "person" the archive knows as a firm ("Merrill") becomes one.
        List<EntityFacet> all = new ArrayList<>(original.people());
        all.addAll(original.groups());
        List<EntityFacet> linked = link(all, context);
        return new Enrichment(linked.stream().filter(f -> f.id().startsWith("person:")).toList(),
                linked.stream().filter(f -> !f.id().startsWith("person:")).toList(), original.places());
    }

    private record Target(String id, @Nullable String reason) {}

    private List<EntityFacet> link(List<EntityFacet> facets, Set<String> context) {
        Map<String, List<Map.Entry<EntityFacet, Target>>> byTarget = new LinkedHashMap<>();
        boolean changed = false;
        for (EntityFacet facet : facets) {
            List<String> parts = splits.get(facet.id());
            if (parts == null && global.containsKey(facet.id())) {
                // Linked to a name that is two ("IMF/World Bank Development Committee" is "IMF and World Bank").
                parts = splits.get(global.get(facet.id()).to());
            }
            if (parts != null) {
                changed = true;
                for (String part : parts) {
                    Global onward = global.get(part);
                    String id = onward == null ? part : onward.to();
                    byTarget.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(Map.entry(facet, new Target(id, TWO_NAMES)));
                }
                continue;
            }
            Target target = target(facet, context);
            changed |= target.reason() != null;
            byTarget.computeIfAbsent(target.id(), k -> new ArrayList<>()).add(Map.entry(facet, target));
        }
        if (!changed) {
            return facets;
        }
        List<EntityFacet> linked = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<EntityFacet, Target>>> group : byTarget.entrySet()) {
            List<Map.Entry<EntityFacet, Target>> members = group.getValue();
            if (members.size() == 1 && members.getFirst().getValue().reason() == null) {
                linked.add(members.getFirst().getKey());
                continue;
            }
            String id = group.getKey();
            EntityFacet first = members.getFirst().getKey();
            String name = names.getOrDefault(id, first.name());
            Set<String> variants = new TreeSet<>(NameKeys.searchVariants(name));
            Set<String> usedNames = new LinkedHashSet<>();
            List<EntityFacet.Link> links = new ArrayList<>();
            int mentions = 0;
            double salience = 0;
            for (Map.Entry<EntityFacet, Target> member : members) {
                EntityFacet facet = member.getKey();
                variants.addAll(facet.variants());
                usedNames.addAll(facet.names());
                mentions += facet.mentions();
                salience = Math.max(salience, facet.salience());
                String reason = member.getValue().reason();
                boolean capitals = facet.linked().stream().anyMatch(l -> l.reason().equals(IN_CAPITALS));
                links.add(new EntityFacet.Link(facet.id(), facet.name(), facet.names(), facet.mentions(),
                        capitals ? IN_CAPITALS : reason == null ? "as written" : reason, facet.salience()));
            }
            linked.add(new EntityFacet(id, name, id.startsWith("person:") ? "person" : "group",
                    List.copyOf(variants), mentions, List.copyOf(usedNames), links, salience));
        }
        linked.sort(Comparator.comparingInt(EntityFacet::mentions).reversed().thenComparing(EntityFacet::name));
        return linked;
    }

    private Target target(EntityFacet facet, Set<String> context) {
        Global link = global.get(facet.id());
        if (link != null) {
            return new Target(link.to(), link.reason());
        }
        Contextual ambiguous = contextual.get(facet.id());
        if (ambiguous == null) {
            return new Target(facet.id(), null);
        }
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (String candidate : ambiguous.candidates()) {
            double score = score(candidate, ambiguous.priors().getOrDefault(candidate, 0.01), context, facet.id());
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = candidate;
            } else if (score > second) {
                second = score;
            }
        }
        if (best == null || bestScore - second < MARGIN) {
            return new Target(facet.id(), null);
        }
        List<String> evidence = evidence(best, context, facet.id());
        if (evidence.isEmpty()) {
            return new Target(facet.id(), null);
        }
        return new Target(best, "context: " + String.join(", ", evidence) + " (stories of "
                + names.getOrDefault(best, best) + ")");
    }

    /**
     * Log-likelihood of a candidate given the article's other entities, countries and tags: what share of the
     * candidate's articles have each, smoothed towards its share of the whole archive, so that an item neither
     * candidate was seen with favours none.
     */
    private double score(String candidate, double prior, Set<String> context, String self) {
        Map<String, Integer> seen = contexts.getOrDefault(candidate, Map.of());
        double n = articles.getOrDefault(candidate, 1);
        double score = Math.log(prior);
        for (String item : context) {
            if (!item.equals(self)) {
                double background = background(item);
                score += Math.log((seen.getOrDefault(item, 0) + SMOOTHING * background) / (n + SMOOTHING));
            }
        }
        return score;
    }

    private double background(String item) {
        Integer count = frequency.get(item);
        return Math.min(0.5, Math.max(1.0, count == null ? 1.0 : count) / Math.max(1, archiveSize));
    }

    /** The article's entities the candidate's stories share most, at least twice each: why the link was made. */
    private List<String> evidence(String candidate, Set<String> context, String self) {
        Map<String, Integer> seen = contexts.getOrDefault(candidate, Map.of());
        return context.stream().filter(item -> !item.equals(self) && seen.getOrDefault(item, 0) >= 2)
                .sorted(Comparator.comparingInt((String item) -> seen.get(item)).reversed()).limit(3)
                .map(item -> names.getOrDefault(item, item.toLowerCase(Locale.ROOT))).toList();
    }

    private Enrichment inCapitals(Enrichment enrichment, String text) {
        if (capitalNames.isEmpty() || text.isEmpty()) {
            return enrichment;
        }
        List<String> lines = ShoutedLines.lines(text);
        if (lines.isEmpty()) {
            return enrichment;
        }
        Set<String> present = new LinkedHashSet<>();
        enrichment.people().forEach(p -> present.add(p.id()));
        enrichment.groups().forEach(g -> present.add(g.id()));
        List<EntityFacet> people = new ArrayList<>(enrichment.people());
        List<EntityFacet> groups = new ArrayList<>(enrichment.groups());
        for (String line : lines) {
            List<String> tokens = List.of(NameKeys.fold(line).split(" "));
            int i = 0;
            while (i < tokens.size()) {
                int matched = 0;
                for (int n = Math.min(LONGEST_CAPITAL_NAME, tokens.size() - i); n >= 1 && matched == 0; n--) {
                    String found = capitalNames.get(String.join(" ", tokens.subList(i, i + n)));
                    if (found != null) {
                        matched = n;
                        String type = found.substring(0, found.indexOf('|'));
                        String id = found.substring(found.indexOf('|') + 1);
                        if (present.add(id)) {
                            String name = names.getOrDefault(id, id);
                            EntityFacet facet = new EntityFacet(id, name, type,
                                    List.copyOf(NameKeys.searchVariants(name)), 1, List.of(name),
                                    List.of(new EntityFacet.Link(id, name, List.of(name), 1, IN_CAPITALS)));
                            (type.equals("person") ? people : groups).add(facet);
                        }
                    }
                }
                i += Math.max(1, matched);
            }
        }
        return new Enrichment(people, groups, enrichment.places());
    }

    /**
     * The enrichment as the article alone resolved it: every linked entity split back into what it was made of, and
     * the entities an editor removed put back (editors' changes are recorded as links too).
     */
    public static Enrichment restore(Enrichment enrichment) {
        if (enrichment.people().stream().allMatch(f -> f.linked().isEmpty())
                && enrichment.groups().stream().allMatch(f -> f.linked().isEmpty())
                && enrichment.removed().isEmpty() && enrichment.removedPlaces().isEmpty()) {
            return enrichment;
        }
        List<EntityFacet> all = new ArrayList<>(enrichment.people());
        all.addAll(enrichment.groups());
        // What an editor marked as not an entity comes back too: the edit is applied again after linking.
        all.addAll(enrichment.removed());
        List<EntityFacet> restored = restore(all);
        List<PlaceFacet> places = new ArrayList<>(enrichment.places());
        places.addAll(enrichment.removedPlaces());
        places.sort(Comparator.comparingInt(PlaceFacet::mentions).reversed().thenComparing(PlaceFacet::name));
        return new Enrichment(restored.stream().filter(f -> f.type().equals("person")).toList(),
                restored.stream().filter(f -> !f.type().equals("person")).toList(), places);
    }

    private static List<EntityFacet> restore(List<EntityFacet> facets) {
        List<EntityFacet> restored = new ArrayList<>();
        Set<String> split = new java.util.HashSet<>();
        for (EntityFacet facet : facets) {
            if (facet.linked().isEmpty()) {
                restored.add(facet);
                continue;
            }
            for (EntityFacet.Link link : facet.linked()) {
                // A name found in capitals is found again; one split in two comes back once.
                if (link.reason().equals(IN_CAPITALS)
                        || link.reason().equals(TWO_NAMES) && !split.add(link.fromId())) {
                    continue;
                }
                Set<String> variants = new TreeSet<>();
                link.names().forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
                String type = link.fromId().startsWith("person:") ? "person" : "group";
                restored.add(new EntityFacet(link.fromId(), link.fromName(), type, List.copyOf(variants),
                        link.mentions(), link.names(), List.of(), link.salience()));
            }
        }
        restored.sort(Comparator.comparingInt(EntityFacet::mentions).reversed().thenComparing(EntityFacet::name));
        return restored;
    }
}
