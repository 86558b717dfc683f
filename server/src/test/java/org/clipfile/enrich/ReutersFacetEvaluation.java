package org.clipfile.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clipfile.article.ArticleDraft;
import org.clipfile.catalogue.EntityCatalogueService;
import org.clipfile.enrich.catalogue.EntityCatalogue;
import org.clipfile.enrich.catalogue.EntityLinks;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.enrich.places.TestGazetteers;
import org.clipfile.entity.Enrichment;
import org.clipfile.ingest.RawDocument;
import org.clipfile.ingest.ReutersSgmlReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Facets against Reuters-21578's editors (issue 13): all 21,578 stories parsed as the import parses them and enriched
 * as the server enriches them, then linked across the archive as a re-index links them; for each person the editors
 * tagged on at least 15 stories and for the six organisations so tagged, the facet values whose id contains the
 * tag's word (as {@code GET /api/facets/{facet}?contains=} lists them: the 20 largest), scored against the tag: the
 * recall of the best single value (one click), of all those values together, and how many values hold at least two
 * of its stories. The 100 largest person and group values are listed, with those that look like no entity flagged.
 * Figures before and after archive linking come from the same run. Not in the normal run (the class name matches no
 * Surefire pattern): {@code mvn test -Dtest=ReutersFacetEvaluation}. The recognizer's output (the fast
 * recognizer's, identical to CoreNLP's: see {@code RecognizerComparison}) is cached in
 * {@code target/evaluation/reuters-recognized.tsv}: the first run takes about a minute here, later ones less.
 * Writes {@code target/evaluation/reuters-facets.md}.
 */
@Tag("evaluation")
class ReutersFacetEvaluation {
    private static final Logger log = LoggerFactory.getLogger(ReutersFacetEvaluation.class);
    static final Path REUTERS = Path.of("..", "shared", "corpora", "news", "reuters21578");
    static final Path OUT = Path.of("target", "evaluation");
    private static final int FEWEST_STORIES = 15;
    /** The word the measuring tool looks for in a value's id, per organisation tag (its acronym is looked for too). */
    private static final Map<String, String> ORG_WORDS = Map.of("opec", "opec", "ec", "european-community",
            "imf", "monetary-fund", "gatt", "tariffs", "worldbank", "world-bank", "oecd", "oecd");
    private static final Map<String, String> ORG_ACRONYMS = Map.of("ec", "ec", "imf", "imf", "gatt", "gatt",
            "worldbank", "world", "oecd", "oecd");

    record Story(String id, Instant published, List<String> people, List<String> orgs, Enrichment enrichment,
            String text, List<String> tags) {}

    @Test
    void facetsAgainstTheEditorsTags() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REUTERS),
                () -> "Reuters-21578 is not at " + REUTERS.toAbsolutePath().normalize());
        Files.createDirectories(OUT);
        CachingRecognizer recognizer = new CachingRecognizer(TestEnrichers.fast(),
                OUT.resolve("reuters-recognized.tsv"));
        log.info("{} recognised texts cached", recognizer.size());
        Enricher enricher = new Enricher(recognizer, AliasRegistry.loadDefault(), TestGazetteers.real());
        List<String> raw = new ArrayList<>();
        try (Stream<Path> files = Files.list(REUTERS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sgm")).sorted().toList()) {
                ReutersSgmlReader.split(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.ISO_8859_1),
                        (RawDocument doc) -> raw.add(new String(doc.bytes(), StandardCharsets.UTF_8)));
            }
        }
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Story> stories = new ForkJoinPool(Integer.getInteger("clipfile.eval.threads", 2)).submit(() ->
                raw.parallelStream().map(text -> {
                    Story story = story(enricher, text);
                    if (done.incrementAndGet() % 1000 == 0) {
                        log.info("{} stories enriched", done.get());
                    }
                    return story;
                }).filter(s -> s != null).toList()).get();
        log.info("{} stories enriched in {} s", stories.size(), (System.nanoTime() - start) / 1_000_000_000);

        StringBuilder report = new StringBuilder("# Facets against Reuters-21578's editors\n\n");
        report.append(score("as enriched, each article alone", stories));
        long linkStart = System.nanoTime();
        EntityCatalogue catalogue = new EntityCatalogue();
        stories.forEach(s -> catalogue.add(s.enrichment(), s.published(), s.tags(), s.text()));
        EntityLinks links = catalogue.decide();
        List<Story> linked = stories.stream().map(s -> new Story(s.id(), s.published(), s.people(), s.orgs(),
                links.apply(s.enrichment(), s.text(), s.tags()), s.text(), s.tags())).toList();
        log.info("Catalogue of {} entities, {} links and {} ambiguous short forms, applied in {} ms", catalogue.size(),
                links.global().size(), links.contextual().size(), (System.nanoTime() - linkStart) / 1_000_000);
        report.append('\n').append(score("linked across the archive", linked));
        StringBuilder linkList = new StringBuilder();
        links.global().values().stream().sorted(Comparator.comparing(EntityLinks.Global::from))
                .forEach(g -> linkList.append(g.from()).append(" -> ").append(g.to()).append("\t").append(g.reason())
                        .append('\n'));
        links.contextual().values().stream().sorted(Comparator.comparing(EntityLinks.Contextual::from))
                .forEach(c -> linkList.append(c.from()).append(" -> ?").append(c.priors()).append('\n'));
        Files.writeString(OUT.resolve("reuters-links.txt"), linkList.toString(), StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve("reuters-facets.md"), report.toString(), StandardCharsets.UTF_8);
        log.info("\n{}", report);
    }

    private static Story story(Enricher enricher, String text) {
        ArticleDraft draft;
        try {
            draft = ReutersSgmlReader.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
        ReutersSgmlReader.Labels labels = ReutersSgmlReader.labels(text);
        String id = draft.url().substring(draft.url().lastIndexOf(':') + 1);
        return new Story(id, draft.published() == null ? Instant.EPOCH : draft.published(), labels.people(),
                labels.orgs(), enricher.enrich(draft.title(), draft.body()), draft.title() + "\n\n" + draft.body(),
                EntityCatalogueService.tagsOf(draft.tags(), draft.section()));
    }

    static String score(String heading, List<Story> stories) {
        Map<String, Set<String>> personValues = new HashMap<>();
        Map<String, Set<String>> groupValues = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Set<String>> goldPeople = new HashMap<>();
        Map<String, Set<String>> goldOrgs = new HashMap<>();
        for (Story story : stories) {
            story.enrichment().people().forEach(p -> {
                personValues.computeIfAbsent(p.id(), k -> new HashSet<>()).add(story.id());
                names.putIfAbsent(p.id(), p.name());
            });
            story.enrichment().groups().forEach(g -> {
                groupValues.computeIfAbsent(g.id(), k -> new HashSet<>()).add(story.id());
                names.putIfAbsent(g.id(), g.name());
            });
            story.people().forEach(t -> goldPeople.computeIfAbsent(t, k -> new HashSet<>()).add(story.id()));
            story.orgs().forEach(t -> goldOrgs.computeIfAbsent(t, k -> new HashSet<>()).add(story.id()));
        }
        StringBuilder out = new StringBuilder("## " + heading + "\n\n");
        out.append("| kind | tags | one-click recall | all-values recall | values per entity |\n|---|---:|---:|---:|---:|\n");
        StringBuilder details = new StringBuilder("\n| tag | stories | one click | best value | all values | values |\n"
                + "|---|---:|---:|---|---:|---:|\n");
        for (String kind : List.of("person", "group")) {
            Map<String, Set<String>> gold = kind.equals("person") ? goldPeople : goldOrgs;
            Map<String, Set<String>> values = kind.equals("person") ? personValues : groupValues;
            double oneClick = 0;
            double all = 0;
            double split = 0;
            int n = 0;
            for (Map.Entry<String, Set<String>> tag : new java.util.TreeMap<>(gold).entrySet()) {
                if (tag.getValue().size() < FEWEST_STORIES || kind.equals("group") && !ORG_WORDS.containsKey(tag.getKey())) {
                    continue;
                }
                String word = kind.equals("person") ? tag.getKey().substring(tag.getKey().lastIndexOf('-') + 1)
                        : ORG_WORDS.get(tag.getKey());
                List<String> candidates = new ArrayList<>(containing(values, word));
                String acronym = kind.equals("group") ? ORG_ACRONYMS.get(tag.getKey()) : null;
                if (acronym != null) {
                    containing(values, acronym).stream().filter(v -> !candidates.contains(v)).forEach(candidates::add);
                }
                Set<String> goldIds = tag.getValue();
                String best = null;
                int bestHits = 0;
                Set<String> union = new HashSet<>();
                int useful = 0;
                for (String value : candidates) {
                    Set<String> hits = new HashSet<>(values.get(value));
                    hits.retainAll(goldIds);
                    if (hits.size() > bestHits) {
                        bestHits = hits.size();
                        best = value;
                    }
                    union.addAll(hits);
                    if (hits.size() >= 2) {
                        useful++;
                    }
                }
                double r1 = bestHits / (double) goldIds.size();
                double ra = union.size() / (double) goldIds.size();
                oneClick += r1;
                all += ra;
                split += useful;
                n++;
                details.append(String.format(Locale.ROOT, "| %s:%s | %d | %.3f | %s | %.3f | %d |%n", kind, tag.getKey(),
                        goldIds.size(), r1, best, ra, useful));
                if (useful > 1) {
                    StringBuilder parts = new StringBuilder();
                    for (String value : candidates) {
                        Set<String> hits = new HashSet<>(values.get(value));
                        hits.retainAll(goldIds);
                        if (hits.size() >= 2) {
                            parts.append(value).append(' ').append(hits.size()).append("; ");
                        }
                    }
                    log.info("{}:{} split: {}", kind, tag.getKey(), parts);
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | **%.3f** | %.3f | %.2f |%n", kind, n, oneClick / n,
                    all / n, split / n));
        }
        out.append(details);
        for (String kind : List.of("person", "group")) {
            Map<String, Set<String>> values = kind.equals("person") ? personValues : groupValues;
            out.append("\nTop 100 ").append(kind).append(" values (count, id, name):\n\n");
            List<Map.Entry<String, Set<String>>> top = values.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size()).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(100).toList();
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Set<String>> e : top) {
                line.append(e.getValue().size()).append(' ').append(names.get(e.getKey())).append("; ");
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * The 20 largest values whose id contains the word as whole words ("ec" in "group:ec-commission", not in
     * "group:oecd"; "opec" not in "group:opecna", OPEC's news agency): a value that merely shares letters is another
     * entity, not a split of this one.
     */
    private static List<String> containing(Map<String, Set<String>> values, String word) {
        String lower = "-" + word.toLowerCase(Locale.ROOT) + "-";
        return values.entrySet().stream()
                .filter(e -> ("-" + e.getKey().substring(e.getKey().indexOf(':') + 1).toLowerCase(Locale.ROOT) + "-")
                        .contains(lower))
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size()).reversed())
                .limit(20).map(Map.Entry::getKey).toList();
    }
}
