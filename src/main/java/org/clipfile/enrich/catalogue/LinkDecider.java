package org.clipfile.enrich.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clipfile.enrich.catalogue.EntityCatalogue.Entry;
import org.clipfile.enrich.names.NameKeys;

/**
 * Decides the links a catalogue supports. A link never crosses types and never joins names the archive uses side by
 * side as different entities. The rules, each with the reason it records:
 * <ul>
 *   <li><b>short form</b>: a one-word name or an acronym that the archive uses beside one longer name (in the same
 *       articles), or whose only full name or expansion the archive holds ("Reagan": Ronald Reagan; "IMF":
 *       International Monetary Fund), is that entity when it holds at least {@value #DOMINANT_SHARE} of the evidence;
 *       with several candidates ("Baker": James Baker or Howard Baker), each article's other entities decide;
 *   <li><b>legal form</b>: "International Business Machines Corp" and "International Business Machines";
 *   <li><b>national prefix</b>: "U.S. Federal Reserve" and "Federal Reserve";
 *   <li><b>organ</b>: "EC Commission" and "EC", "Federal Reserve Board" and "Federal Reserve".
 * </ul>
 * Linked entities take the id of the best known of them: for people the full name, for groups the most used name.
 */
final class LinkDecider {
    static final double DOMINANT_SHARE = 0.9;
    static final int LEAST_FOR_CAPITALS = 5;
    /** A candidate needs this much evidence (articles or uses beside the short form) to be considered. */
    private static final int LEAST_EVIDENCE = 3;
    /** Names used side by side in this share of the short one's articles are different entities. */
    private static final double SIDE_BY_SIDE = 0.2;
    /** "Mrs Reagan" is no full name to link "Reagan" to. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady",
            "president", "senator", "sen", "rep", "gov", "governor", "minister", "chairman", "king", "queen",
            "prince", "general", "gen", "judge", "justice", "secretary", "ambassador", "professor", "prof");
    private static final Set<String> ORGANS = Set.of("commission", "board", "council", "secretariat", "committee");
    private static final Set<String> NATIONAL_PREFIXES = Set.of("us", "u s", "united states", "american");

    private final Map<String, Entry> entries;
    private final Map<String, Map<String, Integer>> shortForms;
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();

    private final Map<String, Integer> frequency;
    private final long archiveSize;
    private final Set<String> lowercaseWords;
    /** Editors' vetoes (curation): pairs never linked. The only curation hook here: see {@link #vetoed}. */
    private final LinkVetoes vetoes;

    LinkDecider(Map<String, Entry> entries, Map<String, Map<String, Integer>> shortForms,
            Map<String, Integer> frequency, long archiveSize, Set<String> lowercaseWords) {
        this(entries, shortForms, frequency, archiveSize, lowercaseWords, LinkVetoes.none());
    }

    LinkDecider(Map<String, Entry> entries, Map<String, Map<String, Integer>> shortForms,
            Map<String, Integer> frequency, long archiveSize, Set<String> lowercaseWords, LinkVetoes vetoes) {
        this.vetoes = vetoes;
        this.lowercaseWords = lowercaseWords;
        this.entries = entries;
        this.shortForms = shortForms;
        this.frequency = frequency;
        this.archiveSize = archiveSize;
    }

    EntityLinks decide() {
        Map<String, List<Entry>> personsByLastToken = new HashMap<>();
        Map<String, List<Entry>> groupsByInitials = new HashMap<>();
        Map<String, List<Entry>> groupsByForm = new HashMap<>();
        Map<String, Entry> groupsByKey = new HashMap<>();
        for (Entry entry : entries.values()) {
            String name = entry.name();
            List<String> tokens = NameKeys.keyTokens(name);
            if (tokens.isEmpty()) {
                continue;
            }
            if (entry.type.equals("person") && tokens.size() >= 2 && !TITLES.contains(NameKeys.fold(name).split(" ")[0])) {
                personsByLastToken.computeIfAbsent(tokens.getLast(), k -> new ArrayList<>()).add(entry);
            }
            if (entry.type.equals("group")) {
                String initials = Names.initials(name);
                if (!initials.isEmpty() && tokens.size() >= 2 && !Names.hasLegalForm(name)) {
                    groupsByInitials.computeIfAbsent(initials, k -> new ArrayList<>()).add(entry);
                }
                groupsByForm.computeIfAbsent(Names.withoutLegalForm(name), k -> new ArrayList<>()).add(entry);
                groupsByKey.merge(NameKeys.key(name), entry, (a, b) -> a.articles >= b.articles ? a : b);
            }
        }
        for (List<Entry> sameFirm : groupsByForm.values()) {
            if (sameFirm.size() < 2) {
                continue;
            }
            Entry best = sameFirm.stream().max(Comparator.comparingInt((Entry e) -> e.articles)).orElseThrow();
            for (Entry other : sameFirm) {
                if (other != best && !sideBySide(other, best)) {
                    link(other.id, best.id, "legal form: '" + other.name() + "' is '" + best.name() + "'");
                }
            }
        }
        for (Entry entry : entries.values()) {
            if (!entry.type.equals("group")) {
                continue;
            }
            String folded = NameKeys.fold(entry.name());
            for (String prefix : NATIONAL_PREFIXES) {
                if (folded.startsWith(prefix + " ")) {
                    Entry body = groupsByKey.get(NameKeys.key(folded.substring(prefix.length() + 1)));
                    if (body != null && body != entry && !sideBySide(entry, body)) {
                        link(entry.id, body.id, "national prefix: '" + entry.name() + "' is '" + body.name() + "'");
                    }
                }
            }
            String[] words = folded.split(" ");
            if (words.length >= 2 && ORGANS.contains(words[words.length - 1])) {
                // The longest known body the name starts with: "IMF Interim Committee", "EC Commission",
                // "International Monetary Fund's Interim Committee".
                for (int end = words.length - 1; end >= 1; end--) {
                    String prefix = String.join(" ", java.util.Arrays.copyOf(words, end));
                    Entry body = groupsByKey.get(NameKeys.key(prefix));
                    if (body == null && prefix.endsWith("s")) {
                        body = groupsByKey.get(NameKeys.key(prefix.substring(0, prefix.length() - 1)));
                    }
                    // A one-word body ("Senate", "House") has committees of its own that journalists follow apart.
                    boolean specific = body != null && (Names.isAcronym(body.name())
                            || NameKeys.keyTokens(body.name()).size() >= 2);
                    if (body != null && body != entry && specific) {
                        if (!sideBySide(entry, body)) {
                            link(entry.id, body.id, "organ: '" + entry.name() + "' of '" + body.name() + "'");
                        }
                        break;
                    }
                }
            }
        }
        Map<String, EntityLinks.Contextual> contextual = new HashMap<>();
        for (Entry entry : entries.values()) {
            String name = entry.name();
            List<String> tokens = NameKeys.keyTokens(name);
            boolean acronym = Names.isAcronym(name);
            if (tokens.isEmpty() || !(tokens.size() == 1 || acronym)) {
                continue;
            }
            if (parent.containsKey(entry.id)) {
                continue;
            }
            // Evidence per linked group of entities (the spellings of one body count together).
            Map<String, Integer> uses = shortForms.getOrDefault(entry.type + "|" + NameKeys.key(name), Map.of());
            Map<String, Integer> evidence = new HashMap<>();
            uses.forEach((target, count) -> evidence.merge(root(target), count, Integer::sum));
            if (entry.type.equals("person") && tokens.size() == 1) {
                for (Entry full : personsByLastToken.getOrDefault(tokens.getFirst(), List.of())) {
                    evidence.merge(root(full.id), full.articles, Integer::sum);
                }
            }
            if (entry.type.equals("group") && acronym) {
                // An expansion by initials counts where the archive also uses the acronym beside it.
                String letters = name.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
                for (Entry expansion : groupsByInitials.getOrDefault(letters, List.of())) {
                    if (uses.getOrDefault(expansion.id, 0) > 0) {
                        evidence.merge(root(expansion.id), expansion.articles, Integer::sum);
                    }
                }
            }
            String self = root(entry.id);
            String shortKey = NameKeys.key(name);
            // Curation: evidence for a vetoed entity still counts in the total, so that vetoing one meaning of a
            // short form leaves the others to each article's context rather than making one of them dominant.
            int vetoedEvidence = evidence.entrySet().stream().filter(e -> vetoed(entry.id, e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            evidence.keySet().removeIf(target -> target.equals(self) || vetoed(entry.id, target)
                    || !entries.containsKey(target)
                    || !entries.get(target).type.equals(entry.type) || sideBySide(entry, entries.get(target))
                    || acronym && containsToken(entries.get(target).name(), shortKey));
            evidence.values().removeIf(count -> count < LEAST_EVIDENCE);
            if (evidence.isEmpty()) {
                continue;
            }
            int total = evidence.values().stream().mapToInt(Integer::intValue).sum() + vetoedEvidence;
            Map.Entry<String, Integer> top = evidence.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            if (top.getValue() >= DOMINANT_SHARE * total) {
                link(entry.id, top.getKey(), String.format(Locale.ROOT, "%s: '%s' stands for %s (%d of %d: uses "
                        + "beside it and articles naming it in full)", acronym ? "acronym" : "short form", name,
                        entries.get(top.getKey()).name(), top.getValue(), total));
            } else {
                Map<String, Double> priors = new LinkedHashMap<>();
                evidence.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> priors.put(e.getKey(), e.getValue() / (double) total));
                contextual.put(entry.id, new EntityLinks.Contextual(entry.id, List.copyOf(priors.keySet()), priors));
            }
        }
        return build(contextual);
    }

    /**
     * A group named "A and B" where A and B are groups the archive knows better than the pair ("International Monetary
     * Fund and World Bank"): the recognizer read two names as one. Both halves have to be known by their key.
     */
    private Map<String, List<String>> splits(Map<String, EntityLinks.Global> global) {
        Map<String, Entry> byKey = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.type.equals("group")) {
                byKey.merge(NameKeys.key(entry.name()), entry, (a, b) -> a.articles >= b.articles ? a : b);
            }
        }
        Map<String, List<String>> splits = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (!entry.type.equals("group") || global.containsKey(entry.id)) {
                continue;
            }
            String[] halves = entry.name().split("\\s+(?:and|&)\\s+", 2);
            if (halves.length < 2) {
                continue;
            }
            Entry first = byKey.get(NameKeys.key(halves[0]));
            Entry second = byKey.get(NameKeys.key(halves[1]));
            if (first != null && second != null && first != second && !vetoed(entry.id, first.id)
                    && !vetoed(entry.id, second.id) && first.articles > 2 * entry.articles
                    && second.articles > 2 * entry.articles && first.articles >= LEAST_FOR_CAPITALS
                    && second.articles >= LEAST_FOR_CAPITALS) {
                splits.put(entry.id, List.of(first.id, second.id));
            }
        }
        return splits;
    }

    /** "non-OPEC" and "OPEC Differentials Committee" are not what "OPEC" stands for; nor "non-oil" anything. */
    private static boolean containsToken(String name, String key) {
        List<String> tokens = NameKeys.keyTokens(name);
        return tokens.contains(key) || !tokens.isEmpty() && tokens.getFirst().equals("nun");
    }

    /** Whether the archive often names both in one article as different entities. */
    private boolean sideBySide(Entry a, Entry b) {
        int together = a.context.getOrDefault(b.id, 0);
        return together > SIDE_BY_SIDE * Math.min(a.articles, b.articles);
    }

    private void link(String from, String to, String reason) {
        if (vetoed(from, to)) {
            return;
        }
        String a = root(from);
        String b = root(to);
        if (!a.equals(b)) {
            parent.put(a, b);
        }
        reasons.putIfAbsent(from, reason);
        // The same reason explains the link the other way, should the linked entity give the id.
        reasons.putIfAbsent(to, reason);
    }

    // ---- curation hook: editors' vetoes ----------------------------------------------------------------------------

    /**
     * Whether linking {@code from} with {@code to} would join two entities an editor split apart: the pair itself, or
     * (union-find) any vetoed pair whose members are already linked to {@code from}'s and {@code to}'s entities.
     */
    private boolean vetoed(String from, String to) {
        if (vetoes.isEmpty()) {
            return false;
        }
        if (vetoes.vetoed(from, to)) {
            return true;
        }
        String a = root(from);
        String b = root(to);
        for (List<String> pair : vetoes.pairs()) {
            String x = root(pair.get(0));
            String y = root(pair.get(1));
            if (x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------------------------

    private String root(String id) {
        String current = id;
        while (parent.containsKey(current)) {
            current = parent.get(current);
        }
        return current;
    }

    private EntityLinks build(Map<String, EntityLinks.Contextual> contextual) {
        Map<String, List<String>> components = new HashMap<>();
        for (String id : reasons.keySet()) {
            components.computeIfAbsent(root(id), k -> new ArrayList<>()).add(id);
        }
        Map<String, String> canonical = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, List<String>> component : components.entrySet()) {
            List<String> members = new ArrayList<>(component.getValue());
            members.add(component.getKey());
            // People by their full name; groups by an acronym where one is used (OPEC, IMF, G-7: what journalists
            // type and look for), else by the most used name.
            Entry best = members.stream().map(entries::get).filter(e -> e != null)
                    .max(Comparator.comparingInt((Entry e) -> e.type.equals("person")
                                    ? NameKeys.keyTokens(e.name()).size() : Names.isAcronym(e.name()) ? 1 : 0)
                            .thenComparingInt(e -> e.articles).thenComparing(e -> e.id))
                    .orElseThrow();
            members.forEach(m -> canonical.put(m, best.id));
            names.put(best.id, best.name());
        }
        Map<String, EntityLinks.Global> global = new HashMap<>(firms(canonical));
        for (Map.Entry<String, String> link : canonical.entrySet()) {
            if (!link.getKey().equals(link.getValue()) && !vetoes.vetoed(link.getKey(), link.getValue())) {
                String reason = reasons.getOrDefault(link.getKey(), "linked with " + names.get(link.getValue()));
                global.put(link.getKey(), new EntityLinks.Global(link.getKey(), link.getValue(), reason));
            }
        }
        Map<String, EntityLinks.Contextual> resolvedContextual = new HashMap<>();
        Map<String, Map<String, Integer>> contexts = new HashMap<>();
        Map<String, Integer> articles = new HashMap<>();
        for (EntityLinks.Contextual link : contextual.values()) {
            if (global.containsKey(link.from())) {
                continue;
            }
            Map<String, Double> priors = new LinkedHashMap<>();
            for (String candidate : link.candidates()) {
                String target = canonical.getOrDefault(candidate, candidate);
                if (vetoes.vetoed(link.from(), target)) {
                    continue;
                }
                priors.merge(target, link.priors().get(candidate), Double::sum);
                Entry entry = entries.get(candidate);
                contexts.merge(target, entry.context, LinkDecider::sum);
                articles.merge(target, entry.articles, Integer::sum);
                names.putIfAbsent(target, entries.get(target) != null ? entries.get(target).name() : entry.name());
            }
            resolvedContextual.put(link.from(), new EntityLinks.Contextual(link.from(), List.copyOf(priors.keySet()),
                    priors));
        }
        for (Entry entry : entries.values()) {
            names.putIfAbsent(entry.id, entry.name());
        }
        return new EntityLinks(global, resolvedContextual, names, contexts, articles, capitalNames(global,
                resolvedContextual), frequency, archiveSize, splits(global));
    }

    /**
     * Names to read in lines in capitals: full names of people and groups, acronyms, and surnames the archive links,
     * each used in at least {@value #LEAST_FOR_CAPITALS} articles in normal case. A two-letter acronym counts only
     * when linked to its expansion ("EC", not "US").
     */
    private Map<String, String> capitalNames(Map<String, EntityLinks.Global> global,
            Map<String, EntityLinks.Contextual> contextual) {
        // How many articles use a word inside a group's name ("Phillips Petroleum", "Salomon Brothers", "Bond Corp"):
        // such a word in capitals is as likely the firm as a person.
        Map<String, Integer> inGroupNames = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.type.equals("group")) {
                for (String word : new java.util.HashSet<>(List.of(NameKeys.fold(entry.name()).split(" ")))) {
                    inGroupNames.merge(word, entry.articles, Integer::sum);
                }
            }
        }
        Map<String, Entry> byName = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.articles < LEAST_FOR_CAPITALS) {
                continue;
            }
            String name = entry.name();
            String folded = NameKeys.fold(name);
            int words = folded.split(" ").length;
            boolean linked = global.containsKey(entry.id) || contextual.containsKey(entry.id);
            boolean acronym = Names.isAcronym(name);
            boolean eligible = words >= 2 && !acronym
                    || acronym && (name.replaceAll("[^\\p{L}\\p{N}]", "").length() >= 3 || linked)
                    && !lowercaseWords.contains(folded)
                    || words == 1 && entry.type.equals("person") && linked && aName(folded, entry.articles, inGroupNames);
            if (eligible) {
                byName.merge(folded, entry, (x, y) -> x.articles >= y.articles ? x : y);
            }
        }
        // A surname alone, where one full name holds nearly all the archive's articles with it ("VOLCKER").
        Map<String, List<Entry>> bySurname = new HashMap<>();
        for (Entry entry : entries.values()) {
            String[] words = NameKeys.fold(entry.name()).split(" ");
            if (entry.type.equals("person") && words.length >= 2 && !TITLES.contains(words[0])) {
                bySurname.computeIfAbsent(words[words.length - 1], k -> new ArrayList<>()).add(entry);
            }
        }
        bySurname.forEach((surname, people) -> {
            int total = people.stream().mapToInt(e -> e.articles).sum();
            Entry best = people.stream().max(Comparator.comparingInt((Entry e) -> e.articles)).orElseThrow();
            if (surname.length() >= 4 && best.articles >= 2 * LEAST_FOR_CAPITALS
                    && best.articles >= DOMINANT_SHARE * total && aName(surname, total, inGroupNames)) {
                byName.putIfAbsent(surname, best);
            }
        });
        Map<String, String> names = new HashMap<>();
        byName.forEach((key, entry) -> names.put(key, entry.type + "|" + entry.id));
        return names;
    }

    /**
     * A "person" that is a firm's name: the archive writes groups beginning with it ("Merrill" and "Merrill Lynch",
     * "Chase" and "Chase Manhattan Bank", "E.F. Hutton" and "E.F. Hutton and Co Inc") in at least twice as many
     * articles as it names it, or a full name ending with it, as a person. Linked to the most used of those groups.
     */
    private Map<String, EntityLinks.Global> firms(Map<String, String> canonical) {
        Map<String, List<Entry>> groupsByFirstWords = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.type.equals("group")) {
                String[] words = NameKeys.fold(entry.name()).split(" ");
                for (int n = 1; n < words.length && n <= 3; n++) {
                    groupsByFirstWords.computeIfAbsent(String.join(" ", java.util.Arrays.copyOf(words, n)),
                            k -> new ArrayList<>()).add(entry);
                }
            }
        }
        Map<String, Integer> bySurname = new HashMap<>();
        for (Entry entry : entries.values()) {
            String[] words = NameKeys.fold(entry.name()).split(" ");
            if (entry.type.equals("person") && words.length >= 2) {
                bySurname.merge(words[words.length - 1], entry.articles, Integer::sum);
            }
        }
        Map<String, EntityLinks.Global> firms = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (!entry.type.equals("person") || entry.articles < LEAST_EVIDENCE) {
                continue;
            }
            String folded = NameKeys.fold(entry.name());
            List<Entry> groups = groupsByFirstWords.getOrDefault(folded, List.of());
            int asGroup = groups.stream().mapToInt(g -> g.articles).sum();
            int asPerson = entry.articles + (folded.indexOf(' ') < 0 ? bySurname.getOrDefault(folded, 0) : 0);
            if (groups.isEmpty() || asGroup < 2 * asPerson) {
                continue;
            }
            Entry firm = groups.stream().max(Comparator.comparingInt((Entry g) -> g.articles)).orElseThrow();
            String to = canonical.getOrDefault(firm.id, firm.id);
            if (vetoes.vetoed(entry.id, to) || vetoes.vetoed(entry.id, firm.id)) {
                continue;
            }
            firms.put(entry.id, new EntityLinks.Global(entry.id, to, String.format(Locale.ROOT,
                    "a firm: '%s' begins group names in %d articles, is a person in %d (%s)", entry.name(), asGroup,
                    asPerson, firm.name())));
        }
        return firms;
    }

    /** A single word read as a person in capitals: never written in lower case, and not mostly a firm's word. */
    private boolean aName(String word, int personArticles, Map<String, Integer> inGroupNames) {
        return !lowercaseWords.contains(word) && inGroupNames.getOrDefault(word, 0) * 2 < personArticles;
    }

    private static Map<String, Integer> sum(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> sum = new HashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return sum;
    }
}
