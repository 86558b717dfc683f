package org.clipfile.enrich.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.clipfile.entity.EntityFacet;
import org.clipfile.entity.Enrichment;
import org.clipfile.entity.PlaceFacet;
import org.clipfile.enrich.catalogue.LinkVetoes;
import org.clipfile.enrich.names.NameKeys;
import org.jspecify.annotations.Nullable;

/**
 * The editors' edits in force, applied to an article's people and groups once the archive's links are made. Every
 * change is recorded in the article's entities as a link ({@link EntityFacet#linked()}: what the article alone had,
 * and the editor's reason) or, for a value that is not an entity, in {@link Enrichment#removed()}, so that
 * {@code EntityLinks.restore} gives the article's own reading back and a re-index applies the edits in force then:
 * an undone edit simply is no longer applied. Order: splits, merges, not an entity, renames, retypes. Immutable.
 */
public final class Curation {
    public static final String MERGED = "merged by an editor";
    public static final String RENAMED = "renamed by an editor";
    public static final String RETYPED = "retyped by an editor";
    /** The reason kept on the entity that kept its id in a merge (as the archive's links do). */
    static final String AS_WRITTEN = "as written";
    /** Longest chain of merges followed (A into B into C ...); edits refuse cycles, this bounds the walk anyway. */
    private static final int LONGEST_CHAIN = 64;

    private static final Curation NONE = new Curation(List.of());

    private final List<CurationEdit> edits;
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> retypes = new HashMap<>();
    private final Set<String> notEntities = new HashSet<>();
    private final LinkVetoes vetoes;

    private Curation(List<CurationEdit> edits) {
        this.edits = List.copyOf(edits);
        List<List<String>> pairs = new ArrayList<>();
        for (CurationEdit edit : this.edits) {
            switch (edit.kind()) {
                case MERGE -> {
                    mergedInto.put(edit.other(), edit.entity());
                    if (edit.entityName() != null) {
                        names.putIfAbsent(edit.entity(), edit.entityName());
                    }
                }
                case SPLIT -> pairs.add(List.of(edit.entity(), edit.other()));
                case RENAME -> names.put(edit.entity(), edit.name());
                case RETYPE -> retypes.put(edit.entity(), edit.type());
                case NOT_ENTITY -> notEntities.add(edit.entity());
            }
        }
        this.vetoes = LinkVetoes.of(pairs);
    }

    public static Curation none() {
        return NONE;
    }

    /** The edits not undone, oldest first (a later rename of the same value wins). */
    public static Curation of(List<CurationEdit> edits) {
        List<CurationEdit> active = edits.stream().filter(e -> !e.undone())
                .sorted(Comparator.comparing(CurationEdit::createdAt).thenComparing(CurationEdit::id)).toList();
        return active.isEmpty() ? NONE : new Curation(active);
    }

    public List<CurationEdit> edits() {
        return edits;
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The pairs split apart, for the archive's linking. */
    public LinkVetoes vetoes() {
        return vetoes;
    }

    /** The value {@code id}'s articles count under: itself, or where merges lead it. */
    public String resolve(String id) {
        String current = id;
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < LONGEST_CHAIN; i++) {
            seen.add(current);
            String next = mergedInto.get(current);
            if (next == null || vetoes.vetoed(current, next)) {
                return current;
            }
            if (seen.contains(next)) {
                // A cycle (edits refuse them; edits from several instances at once could still make one): every
                // value of it counts under the same one.
                return cycleOf(next).first();
            }
            current = next;
        }
        return current;
    }

    private TreeSet<String> cycleOf(String start) {
        TreeSet<String> cycle = new TreeSet<>();
        String current = start;
        while (current != null && cycle.add(current)) {
            current = mergedInto.get(current);
        }
        return cycle;
    }

    /** The display name an edit gives {@code id}, if any. */
    public @Nullable String name(String id) {
        return names.get(id);
    }

    /** An article's linked people and groups with the edits applied. */
    public Enrichment apply(Enrichment linked) {
        if (isEmpty()) {
            return linked;
        }
        List<EntityFacet> all = new ArrayList<>();
        for (EntityFacet facet : linked.people()) {
            all.addAll(split(facet));
        }
        for (EntityFacet facet : linked.groups()) {
            all.addAll(split(facet));
        }
        all = combine(all, this::resolve, MERGED);
        List<EntityFacet> removed = new ArrayList<>(linked.removed());
        List<EntityFacet> kept = new ArrayList<>();
        for (EntityFacet facet : all) {
            (notEntities.contains(facet.id()) ? removed : kept).add(facet);
        }
        List<EntityFacet> edited = new ArrayList<>();
        for (EntityFacet facet : kept) {
            edited.add(retype(rename(facet)));
        }
        edited = combine(edited, Function.identity(), RETYPED);
        edited.sort(Comparator.comparingInt(EntityFacet::mentions).reversed().thenComparing(EntityFacet::name));
        // Places: an editor may mark one as not a place (it came from the gazetteer: no merge or retype). A renamed
        // place keeps the gazetteer's name here (nothing to restore it from): facet labels ask the edits first.
        List<PlaceFacet> removedPlaces = new ArrayList<>(linked.removedPlaces());
        List<PlaceFacet> places = new ArrayList<>();
        for (PlaceFacet place : linked.places()) {
            (notEntities.contains(place.id()) ? removedPlaces : places).add(place);
        }
        return new Enrichment(edited.stream().filter(f -> f.type().equals("person")).toList(),
                edited.stream().filter(f -> !f.type().equals("person")).toList(), places, removed, removedPlaces);
    }

    /** The links of {@code facet} an editor vetoed, split back out into the entities the article alone had. */
    private List<EntityFacet> split(EntityFacet facet) {
        if (vetoes.isEmpty() || facet.linked().isEmpty()) {
            return List.of(facet);
        }
        List<EntityFacet.Link> kept = new ArrayList<>();
        List<EntityFacet> out = new ArrayList<>();
        for (EntityFacet.Link link : facet.linked()) {
            if (!link.fromId().equals(facet.id()) && vetoes.vetoed(link.fromId(), facet.id())) {
                out.add(unlinked(link.fromId(), link.fromName(), link.names(), link.mentions(), link.salience()));
            } else {
                kept.add(link);
            }
        }
        if (out.isEmpty()) {
            return List.of(facet);
        }
        List<EntityFacet> result = new ArrayList<>();
        if (kept.size() == 1 && kept.getFirst().fromId().equals(facet.id())
                && kept.getFirst().reason().equals(AS_WRITTEN)) {
            EntityFacet.Link self = kept.getFirst();
            result.add(unlinked(self.fromId(), facet.name(), self.names(), self.mentions(), self.salience()));
        } else if (!kept.isEmpty()) {
            Set<String> usedNames = new LinkedHashSet<>();
            int mentions = 0;
            double salience = 0;
            for (EntityFacet.Link link : kept) {
                usedNames.addAll(link.names());
                mentions += link.mentions();
                salience = Math.max(salience, link.salience());
            }
            result.add(new EntityFacet(facet.id(), facet.name(), facet.type(), variants(facet.name(), usedNames),
                    mentions, List.copyOf(usedNames), kept, salience));
        }
        result.addAll(out);
        return result;
    }

    /**
     * Facets that land on one id (by {@code target}) become one: names, mentions and variants together, and every
     * member recorded as a link so that the article's own reading can be restored.
     */
    private List<EntityFacet> combine(List<EntityFacet> facets, Function<String, String> target, String reason) {
        Map<String, List<EntityFacet>> byTarget = new LinkedHashMap<>();
        boolean changed = false;
        for (EntityFacet facet : facets) {
            String to = target.apply(facet.id());
            List<EntityFacet> members = byTarget.computeIfAbsent(to, k -> new ArrayList<>());
            members.add(facet);
            changed |= !to.equals(facet.id()) || members.size() > 1;
        }
        if (!changed) {
            return facets;
        }
        List<EntityFacet> combined = new ArrayList<>();
        for (Map.Entry<String, List<EntityFacet>> group : byTarget.entrySet()) {
            String id = group.getKey();
            List<EntityFacet> members = group.getValue();
            if (members.size() == 1 && members.getFirst().id().equals(id)) {
                combined.add(members.getFirst());
                continue;
            }
            String name = names.get(id);
            if (name == null) {
                name = members.stream().filter(m -> m.id().equals(id)).map(EntityFacet::name).findFirst()
                        .orElse(members.getFirst().name());
            }
            Set<String> usedNames = new LinkedHashSet<>();
            Set<String> variants = new TreeSet<>(NameKeys.searchVariants(name));
            List<EntityFacet.Link> links = new ArrayList<>();
            int mentions = 0;
            double salience = 0;
            for (EntityFacet member : members) {
                usedNames.addAll(member.names());
                variants.addAll(member.variants());
                mentions += member.mentions();
                salience = Math.max(salience, member.salience());
                if (member.linked().isEmpty()) {
                    links.add(new EntityFacet.Link(member.id(), member.name(), member.names(), member.mentions(),
                            member.id().equals(id) ? AS_WRITTEN : reason + " (into " + name + ")",
                            member.salience()));
                } else {
                    links.addAll(member.linked());
                }
            }
            combined.add(new EntityFacet(id, name, typeOf(id), List.copyOf(variants), mentions,
                    List.copyOf(usedNames), links, salience));
        }
        return combined;
    }

    private EntityFacet rename(EntityFacet facet) {
        String name = names.get(facet.id());
        if (name == null || name.equals(facet.name())) {
            return facet;
        }
        Set<String> variants = new TreeSet<>(facet.variants());
        variants.addAll(NameKeys.searchVariants(name));
        return new EntityFacet(facet.id(), name, facet.type(), List.copyOf(variants), facet.mentions(),
                facet.names(), recorded(facet, RENAMED), facet.salience());
    }

    private EntityFacet retype(EntityFacet facet) {
        String type = retypes.get(facet.id());
        if (type == null || type.equals(facet.type())) {
            return facet;
        }
        String id = type + ":" + facet.id().substring(facet.id().indexOf(':') + 1);
        return new EntityFacet(id, facet.name(), type, facet.variants(), facet.mentions(), facet.names(),
                recorded(facet, RETYPED), facet.salience());
    }

    /** The facet's links, or (an entity the article alone made) itself as the one link, with this reason. */
    private static List<EntityFacet.Link> recorded(EntityFacet facet, String reason) {
        if (!facet.linked().isEmpty()) {
            return facet.linked();
        }
        return List.of(new EntityFacet.Link(facet.id(), facet.name(), facet.names(), facet.mentions(), reason,
                facet.salience()));
    }

    private static EntityFacet unlinked(String id, String name, List<String> usedNames, int mentions,
            double salience) {
        return new EntityFacet(id, name, typeOf(id), variants(name, usedNames), mentions, usedNames, List.of(),
                salience);
    }

    private static List<String> variants(String name, java.util.Collection<String> usedNames) {
        Set<String> variants = new TreeSet<>(NameKeys.searchVariants(name));
        usedNames.forEach(n -> variants.addAll(NameKeys.searchVariants(n)));
        return List.copyOf(variants);
    }

    static String typeOf(String id) {
        return id.startsWith("person:") ? "person" : "group";
    }
}
