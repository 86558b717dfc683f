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
import org.jspecify.annotations.Nullable;

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
    private static final Set<String> WOMENS_TITLES = Set.of("mrs", "ms", "miss", "lady", "madame", "dame");
    private static final Set<String> MENS_TITLES = Set.of("mr", "sir", "lord");
    /** Women's first names common in news archives: enough to keep "Mrs Reagan" from Ronald Reagan. */
    private static final Set<String> WOMEN = Set.of(
            "alice", "angela", "ann", "anne", "barbara", "beatrice", "benazir", "betty", "carla", "carol",
            "caroline", "catherine", "christine", "claire", "clare", "condoleezza", "corazon", "cory", "cristina",
            "diana", "dianne", "dilma", "dorothy", "edith", "edwina", "elaine", "elena", "elizabeth", "ellen",
            "emma", "eva", "evita", "federica", "geraldine", "giorgia", "gloria", "golda", "gro", "hana", "harriet",
            "heather", "helen", "hillary", "imelda", "indira", "indra", "isabel", "isabelle", "jacinda",
            "jacqueline", "jane", "janet", "jeane", "jeanne", "joan", "joyce", "judith", "julia", "karen",
            "kathleen", "kathryn", "khaleda", "laura", "linda", "lisa", "liz", "madeleine", "margaret", "maria",
            "marie", "martha", "mary", "megawati", "mette", "michelle", "nancy", "nicola", "nicole", "olympia",
            "pamela", "patricia", "peggy", "penny", "priti", "raisa", "rosa", "ruth", "sandra", "sanna", "sarah",
            "segolene", "shirley", "simone", "sonia", "susan", "ségolène", "tansu", "tessa", "theresa", "ursula",
            "violeta", "virginia", "wendy", "winnie", "yingluck", "yulia", "yvette");
    private static final Set<String> ORGANS = Set.of("commission", "board", "council", "secretariat", "committee");
    /** Familiar forms of English first names and the formal name each stands for. */
    private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("jim", "james"),
            Map.entry("jimmy", "james"), Map.entry("bob", "robert"), Map.entry("bill", "william"),
            Map.entry("mike", "michael"), Map.entry("dick", "richard"), Map.entry("tom", "thomas"),
            Map.entry("joe", "joseph"), Map.entry("dan", "daniel"), Map.entry("dave", "david"),
            Map.entry("ted", "edward"), Map.entry("ed", "edward"), Map.entry("tony", "anthony"),
            Map.entry("chuck", "charles"), Map.entry("charlie", "charles"), Map.entry("ron", "ronald"),
            Map.entry("pat", "patrick"), Map.entry("ken", "kenneth"), Map.entry("fred", "frederick"),
            Map.entry("larry", "lawrence"), Map.entry("andy", "andrew"), Map.entry("nick", "nicholas"),
            Map.entry("sam", "samuel"), Map.entry("ben", "benjamin"), Map.entry("tim", "timothy"),
            Map.entry("don", "donald"), Map.entry("doug", "douglas"), Map.entry("jerry", "gerald"),
            Map.entry("walt", "walter"), Map.entry("al", "albert"), Map.entry("hank", "henry"));
    /** The policy areas and offices of a public body, after its acronym: "EC Agriculture", "EC Delegation". */
    private static final Set<String> POLICY_AREAS = Set.of("agriculture", "farm", "trade", "external", "foreign",
            "affairs", "finance", "budget", "fisheries", "transport", "competition", "delegation", "mission",
            "monetary", "economic", "customs", "environment", "social", "employment", "health", "defence", "defense",
            "justice", "interior", "labour", "labor", "energy", "industry", "relations");
    /** An acronym named beside its expansion in this share of its articles is that expansion (IBM, GM, USDA). */
    private static final double BESIDE_EXPANSION = 0.2;
    /** A one-word group named beside a longer name it begins in this share of its articles is it ("Moody"). */
    private static final double BESIDE_FULL_NAME = 0.25;
    /** Initials for a first name: "E.F. Hutton", "L.F. Rothschild". */
    private static final java.util.regex.Pattern INITIALS_FIRST = java.util.regex.Pattern.compile("(?:\\p{Lu}\\.){1,3}\\s*\\p{Lu}");
    /** An organ named without its body ("Executive Commission") beside one body in this share of its articles. */
    private static final double BESIDE_BODY = 0.7;

    private final Map<String, Entry> entries;
    private final Map<String, Map<String, Integer>> shortForms;
    private final Map<String, String> parent = new HashMap<>();
    /** Groups by the initials of their name without its legal form: "usda" -> U.S. Department of Agriculture. */
    private final Map<String, List<Entry>> spelledBy = new HashMap<>();
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
                // Side by side is no objection: an article writes "General Motors Corp", then "General Motors".
                if (other != best) {
                    link(other.id, best.id, "legal form: '" + other.name() + "' is '" + best.name() + "'");
                }
            }
        }
        Map<String, List<Entry>> groupsByWords = new HashMap<>();
        for (Entry entry : entries.values()) {
            String spelled = entry.type.equals("group") && !Names.isAcronym(entry.name())
                    ? Names.initialsWithoutLegalForm(entry.name()) : "";
            if (!spelled.isEmpty()) {
                spelledBy.computeIfAbsent(spelled, k -> new ArrayList<>()).add(entry);
            }
            String bag = entry.type.equals("group") ? Names.wordBag(entry.name()) : "";
            if (!bag.isEmpty()) {
                groupsByWords.computeIfAbsent(bag, k -> new ArrayList<>()).add(entry);
            }
        }
        for (List<Entry> sameWords : groupsByWords.values()) {
            if (sameWords.size() < 2) {
                continue;
            }
            Entry best = sameWords.stream().max(Comparator.comparingInt((Entry e) -> e.articles)
                    .thenComparing(e -> e.id)).orElseThrow();
            for (Entry other : sameWords) {
                if (other != best) {
                    link(other.id, best.id, "word order: '" + other.name() + "' is '" + best.name() + "'");
                }
            }
        }
        firstWords();
        nicknames();
        for (Entry entry : entries.values()) {
            if (!entry.type.equals("group")) {
                continue;
            }
            String folded = NameKeys.fold(entry.name());
            for (String prefix : Names.NATIONAL_PREFIXES) {
                if (folded.startsWith(prefix + " ")) {
                    Entry body = groupsByKey.get(NameKeys.key(folded.substring(prefix.length() + 1)));
                    if (body != null && body != entry && !sideBySide(entry, body)) {
                        link(entry.id, body.id, "national prefix: '" + entry.name() + "' is '" + body.name() + "'");
                    }
                }
            }
            String[] words = folded.split(" ");
            if (words.length >= 2 && words.length <= 4 && java.util.Arrays.stream(words).skip(1)
                    .allMatch(POLICY_AREAS::contains)) {
                // "EC External Trade", "EC Agriculture", "EC Delegation": an acronym the archive knows, then only
                // words of a policy area or an office (the tagger stopped before "Commissioner"). Not "BP
                // Australia", "CBS Leasing", "ABC News": a firm's subsidiaries and divisions are firms of their own.
                Entry body = groupsByKey.get(NameKeys.key(words[0]));
                if (body != null && body != entry && Names.isAcronym(body.name()) && Names.isAcronym(
                        entry.name().strip().split("\\s+")[0])) {
                    link(entry.id, body.id, "department: '" + entry.name() + "' of '" + body.name() + "'");
                    continue;
                }
            }
            if (words.length >= 2 && java.util.Arrays.stream(words).skip(1).anyMatch(ORGANS::contains)) {
                // The longest known body the name starts with: "IMF Interim Committee", "EC Commission",
                // "International Monetary Fund's Interim Committee", "European Community's Council of Ministers"
                // (an organ word in the rest, of at most four words).
                for (int end = words.length - 1; end >= 1; end--) {
                    if (words.length - end > 4 || java.util.Arrays.stream(words).skip(end).noneMatch(ORGANS::contains)) {
                        continue;
                    }
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
        genericOrgans();
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
            Set<String> expansions = new java.util.HashSet<>();
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
                // A firm's acronym beside its full name in the same articles ("International Business Machines Corp"
                // and "IBM", "General Motors Corp" and "GM"): the archive writes them side by side as one entity.
                expansionsBeside(entry, letters).forEach((expansion, together) -> {
                    evidence.merge(expansion, together, Integer::sum);
                    expansions.add(expansion);
                });
            }
            String self = root(entry.id);
            String shortKey = NameKeys.key(name);
            // Curation: evidence for a vetoed entity still counts in the total, so that vetoing one meaning of a
            // short form leaves the others to each article's context rather than making one of them dominant.
            int vetoedEvidence = evidence.entrySet().stream().filter(e -> vetoed(entry.id, e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            evidence.keySet().removeIf(target -> target.equals(self) || vetoed(entry.id, target)
                    || !entries.containsKey(target)
                    || !entries.get(target).type.equals(entry.type)
                    || sideBySide(entry, entries.get(target)) && !expansions.contains(target)
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
        titled(personsByLastToken, contextual.keySet());
        return build(contextual);
    }

    /**
     * A surname after a courtesy or office title ("Mrs Thatcher", "Mr Blair", "President Reagan") is the person the
     * archive names in full with that surname: the one the bare surname stands for, else the only one (or the one
     * with {@value #DOMINANT_SHARE} of the articles) among those of at least {@value #LEAST_EVIDENCE} articles; never
     * where the bare surname is left to each article's context (several people bear it). A
     * woman's title never goes to a man's name, nor a man's to a woman's, by a list of first names ("Mrs Reagan"
     * is Nancy Reagan, never Ronald).
     */
    private void titled(Map<String, List<Entry>> personsByLastToken, Set<String> ambiguous) {
        Map<String, Entry> surnames = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.type.equals("person") && !NameKeys.fold(entry.name()).contains(" ")) {
                surnames.merge(NameKeys.fold(entry.name()), entry, (a, b) -> a.articles >= b.articles ? a : b);
            }
        }
        for (Entry entry : entries.values()) {
            String[] words = NameKeys.fold(entry.name()).split(" ");
            if (!entry.type.equals("person") || words.length != 2 || !TITLES.contains(words[0])
                    || parent.containsKey(entry.id)) {
                continue;
            }
            String title = words[0];
            String surname = words[1];
            Entry bare = surnames.get(surname);
            String target = null;
            if (bare != null && ambiguous.contains(bare.id)) {
                continue; // the archive's bare surname names several people: so may the titled one
            } else if (bare != null && parent.containsKey(bare.id) && suits(title, entries.get(root(bare.id)))) {
                target = root(bare.id);
            } else {
                Map<String, Integer> candidates = new HashMap<>();
                for (Entry full : personsByLastToken.getOrDefault(surname, List.of())) {
                    if (full.articles >= LEAST_EVIDENCE && suits(title, entries.get(root(full.id)))) {
                        candidates.merge(root(full.id), full.articles, Integer::sum);
                    }
                }
                int total = candidates.values().stream().mapToInt(Integer::intValue).sum();
                target = candidates.entrySet().stream().max(Map.Entry.comparingByValue())
                        .filter(top -> top.getValue() >= DOMINANT_SHARE * total).map(Map.Entry::getKey).orElse(null);
            }
            if (target != null && !target.equals(root(entry.id))) {
                link(entry.id, target, "title: '" + entry.name() + "' is '" + entries.get(target).name() + "'");
            }
        }
    }

    /** Whether a person of this full name may be called by this title (courtesy titles have a gender). */
    private static boolean suits(String title, @Nullable Entry person) {
        if (person == null || !person.type.equals("person")) {
            return false;
        }
        String[] words = NameKeys.fold(person.name()).split(" ");
        if (words.length < 2) {
            return false;
        }
        boolean woman = WOMEN.contains(words[0]);
        return WOMENS_TITLES.contains(title) ? woman : !MENS_TITLES.contains(title) || !woman;
    }

    /**
     * A body's organ named without the body ("the EC's Executive Commission": "Executive Commission"): a group name of
     * words the archive writes in lower case, ending with an organ word, named beside one body (an acronym or a name
     * of two words or more) in at least {@value #BESIDE_BODY} of its articles, is that body, as "EC Commission" is.
     */
    private void genericOrgans() {
        for (Entry entry : entries.values()) {
            String[] words = NameKeys.fold(entry.name()).split(" ");
            if (!entry.type.equals("group") || words.length < 2 || !ORGANS.contains(words[words.length - 1])
                    || entry.articles < LEAST_EVIDENCE || parent.containsKey(entry.id)
                    || !java.util.Arrays.stream(words).allMatch(lowercaseWords::contains)) {
                continue;
            }
            Map<String, Integer> bodies = new HashMap<>();
            entry.context.forEach((id, together) -> {
                Entry body = entries.get(id);
                if (body != null && body.type.equals("group") && (Names.isAcronym(body.name())
                        || NameKeys.keyTokens(body.name()).size() >= 2)) {
                    bodies.merge(root(id), together, Math::max);
                }
            });
            bodies.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> {
                if (top.getValue() >= BESIDE_BODY * entry.articles && !top.getKey().equals(root(entry.id))) {
                    link(entry.id, top.getKey(), String.format(Locale.ROOT, "organ: '%s' is named beside '%s' in %d"
                            + " of its %d articles", entry.name(), entries.get(top.getKey()).name(), top.getValue(),
                            entry.articles));
                }
            });
        }
    }

    /**
     * Entities (their linked spellings together) of which one spelling without its legal form spells the acronym's
     * letters, and that the archive names beside it in at least {@value #BESIDE_EXPANSION} of the acronym's articles
     * (and {@value #LEAST_EVIDENCE} articles): "U.S. Department of Agriculture" and "U.S. Agriculture Department"
     * beside "USDA". By root, with the articles in which they are named beside it.
     */
    private Map<String, Integer> expansionsBeside(Entry acronym, String letters) {
        if (letters.length() < 2) {
            return Map.of();
        }
        Map<String, Integer> together = new HashMap<>();
        Set<String> spelled = new java.util.HashSet<>();
        for (Entry expansion : spelledBy.getOrDefault(letters, List.of())) {
            spelled.add(root(expansion.id));
        }
        acronym.context.forEach((id, count) -> {
            Entry other = entries.get(id);
            if (other != null && other.type.equals("group") && !Names.isAcronym(other.name())) {
                together.merge(root(id), count, Integer::sum);
            }
        });
        together.keySet().retainAll(spelled);
        together.values().removeIf(count -> count < LEAST_EVIDENCE || count < BESIDE_EXPANSION * acronym.articles);
        return together;
    }

    /**
     * A one-word group that is the first word of one longer group's name, named beside it in at least
     * {@value #BESIDE_FULL_NAME} of its articles ("Moody" and "Moody's Investors Service Inc", "Shearson" and
     * "Shearson Lehman Brothers Inc"), is that group. Not a word the archive writes in lower case ("Bank",
     * "Treasury"), not an organ of a body ("Senate" and "Senate Banking Committee" stay apart), and only when one
     * longer name holds {@value #DOMINANT_SHARE} of those articles.
     */
    /**
     * "Jim Wright" and "James Wright": a person named by the familiar form of the first name of a full name the
     * archive also uses, with the same other words, where the two share the company they keep (at least two of the
     * entities or topics named beside each) — Jim Wright and James Wright are both with the House and Congress.
     */
    private void nicknames() {
        Map<String, List<Entry>> byFormalName = new HashMap<>();
        for (Entry entry : entries.values()) {
            String[] words = NameKeys.fold(entry.name()).split(" ");
            if (entry.type.equals("person") && words.length >= 2) {
                words[0] = NICKNAMES.getOrDefault(words[0], words[0]);
                byFormalName.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>()).add(entry);
            }
        }
        for (List<Entry> same : byFormalName.values()) {
            if (same.size() < 2) {
                continue;
            }
            Entry best = same.stream().max(Comparator.comparingInt((Entry e) -> e.articles).thenComparing(e -> e.id))
                    .orElseThrow();
            for (Entry other : same) {
                if (other != best && sharedCompany(other, best) >= 2) {
                    link(other.id, best.id, "familiar name: '" + other.name() + "' is '" + best.name() + "'");
                }
            }
        }
    }

    private static int sharedCompany(Entry a, Entry b) {
        int shared = 0;
        for (String id : a.context.keySet()) {
            if (!id.startsWith("country:") && b.context.containsKey(id)) {
                shared++;
            }
        }
        return shared;
    }

    private void firstWords() {
        Map<String, List<Entry>> byFirstWord = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (!entry.type.equals("group")) {
                continue;
            }
            String[] written = entry.name().strip().split("\\s+");
            String[] words = NameKeys.fold(Names.POSSESSIVE.matcher(entry.name()).replaceAll("")).split(" ");
            if (written.length >= 2 && !ORGANS.contains(words[words.length - 1])) {
                // "Moody's Investors Service Inc" begins with "Moody".
                String first = NameKeys.fold(Names.POSSESSIVE.matcher(written[0]).replaceAll(""));
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(entry);
            }
        }
        for (Entry entry : entries.values()) {
            String folded = NameKeys.fold(entry.name());
            if (!entry.type.equals("group") || folded.contains(" ") || Names.isAcronym(entry.name())
                    || entry.articles < LEAST_EVIDENCE || lowercaseWords.contains(folded) || parent.containsKey(entry.id)) {
                continue;
            }
            Map<String, Integer> beside = new HashMap<>();
            for (Entry longer : byFirstWord.getOrDefault(folded, List.of())) {
                int together = entry.context.getOrDefault(longer.id, 0);
                if (together > 0) {
                    beside.merge(root(longer.id), together, Integer::sum);
                }
            }
            int total = beside.values().stream().mapToInt(Integer::intValue).sum();
            beside.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top -> {
                if (top.getValue() >= LEAST_EVIDENCE && top.getValue() >= BESIDE_FULL_NAME * entry.articles
                        && top.getValue() >= DOMINANT_SHARE * total) {
                    link(entry.id, top.getKey(), String.format(Locale.ROOT, "short form: '%s' begins '%s', named "
                            + "beside it in %d of its %d articles", entry.name(), entries.get(top.getKey()).name(),
                            top.getValue(), entry.articles));
                }
            });
        }
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
            EntityLinks.Global linked = global.get(entry.id);
            // A pair linked to the same pair in another order ("World Bank and IMF") is still two.
            if (!entry.type.equals("group") || linked != null && !linked.reason().startsWith("word order")) {
                continue;
            }
            for (String[] halves : halves(entry.name())) {
                Entry first = byKey.get(NameKeys.key(halves[0]));
                Entry second = byKey.get(NameKeys.key(halves[1]));
                if (first != null && second != null && first != second && !vetoed(entry.id, first.id)
                        && !vetoed(entry.id, second.id) && first.articles > 2 * entry.articles
                        && second.articles > 2 * entry.articles && first.articles >= LEAST_FOR_CAPITALS
                        && second.articles >= LEAST_FOR_CAPITALS) {
                    splits.put(entry.id, List.of(first.id, second.id));
                    break;
                }
            }
        }
        return splits;
    }

    /**
     * Where a name may be two: around "and", "&", a hyphen or a slash ("IMF-World Bank"), or, with no word between,
     * after any word when both sides have two words or more ("International Monetary Fund World Bank").
     */
    private static List<String[]> halves(String name) {
        List<String[]> halves = new ArrayList<>();
        String[] joined = name.split("\\s+(?:and|&)\\s+|\\s*/\\s*|(?<=\\p{L})-(?=\\p{Lu})", 2);
        if (joined.length == 2) {
            halves.add(joined);
        }
        String[] words = name.strip().split("\\s+");
        for (int cut = 2; cut <= words.length - 2; cut++) {
            halves.add(new String[] {String.join(" ", java.util.Arrays.copyOf(words, cut)),
                    String.join(" ", java.util.Arrays.copyOfRange(words, cut, words.length))});
        }
        return halves;
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
        Map<String, EntityLinks.Global> firms = firms(canonical);
        Map<String, EntityLinks.Global> global = new HashMap<>(firms);
        for (Map.Entry<String, String> link : canonical.entrySet()) {
            if (!link.getKey().equals(link.getValue()) && !vetoes.vetoed(link.getKey(), link.getValue())) {
                String reason = reasons.getOrDefault(link.getKey(), "linked with " + names.get(link.getValue()));
                // "Hutton" stands for "E.F. Hutton", which is a firm: straight to the firm.
                EntityLinks.Global firm = firms.get(link.getValue());
                global.put(link.getKey(), new EntityLinks.Global(link.getKey(),
                        firm == null ? link.getValue() : firm.to(), firm == null ? reason : reason + "; " + firm.reason()));
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
        Map<String, List<Entry>> groupsByForm = new HashMap<>();
        for (Entry entry : entries.values()) {
            if (entry.type.equals("group")) {
                groupsByForm.computeIfAbsent(Names.withoutLegalForm(entry.name()), k -> new ArrayList<>()).add(entry);
            }
        }
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
            if (!entry.type.equals("person")) {
                continue;
            }
            String folded = NameKeys.fold(entry.name());
            if (folded.indexOf(' ') > 0) {
                // "James Capel" and "James Capel and Co", "Jardine Matheson" and "Jardine Matheson Holdings Ltd": the
                // archive names the firm with its legal form.
                Entry firm = groupsByForm.getOrDefault(NameKeys.key(entry.name()), List.of()).stream()
                        .filter(g -> Names.hasLegalForm(g.name()) && g.articles >= 2)
                        .max(Comparator.comparingInt((Entry g) -> g.articles)).orElse(null);
                if (firm != null && !vetoes.vetoed(entry.id, canonical.getOrDefault(firm.id, firm.id))) {
                    firms.put(entry.id, new EntityLinks.Global(entry.id, canonical.getOrDefault(firm.id, firm.id),
                            String.format(Locale.ROOT, "a firm: the archive names '%s' with a legal form (%s)",
                                    entry.name(), firm.name())));
                    continue;
                }
                // "L.F. Rothschild" and "L.F. Rothschild Unterberg Towbin": initials and a name that begin a firm's.
                List<Entry> longer = groupsByFirstWords.getOrDefault(folded, List.of());
                Entry firm2 = longer.stream().max(Comparator.comparingInt((Entry g) -> g.articles)).orElse(null);
                if (INITIALS_FIRST.matcher(entry.name()).lookingAt() && firm2 != null
                        && !vetoes.vetoed(entry.id, canonical.getOrDefault(firm2.id, firm2.id))) {
                    firms.put(entry.id, new EntityLinks.Global(entry.id, canonical.getOrDefault(firm2.id, firm2.id),
                            String.format(Locale.ROOT, "a firm: '%s' begins the firm's name '%s'", entry.name(),
                                    firm2.name())));
                    continue;
                }
            }
            if (entry.articles < LEAST_EVIDENCE) {
                continue;
            }
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
