package org.clipfile.copies;

import org.clipfile.article.Sketch;
import org.clipfile.article.StoryNames;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the cluster (the story) each new article belongs to, before it is written. Each article's candidates are the
 * documents sharing at least one LSH band with it, best-sharing document of each cluster, the clusters sharing most
 * bands first; the candidates' stored signatures then verify the similarity. One search per batch reads every
 * document sharing a band with any of its articles and ranks them per article in memory as a collapsed search per
 * article would (that search, one {@code _msearch} item per article, is still used when a batch matches too many
 * documents). The articles written in the last
 * moments, not yet visible to search (a refresh is up to 30 s away during an import), and the earlier articles of the same batch
 * are looked up in memory, so two copies in one import batch land in one cluster.
 *
 * <p>An article joins the cluster of the candidate sharing most of its text: when the smaller of the two is contained
 * in the other to {@code clipfile.copies.containment} and their Jaccard similarity reaches
 * {@code clipfile.copies.min-similarity} (a trimmed reprint is contained in its original; the lower bound keeps a
 * one-paragraph brief from joining every long story that quotes it), and their numbers agree (template stories
 * such as a daily market report share their words, not their figures), their leading names agree (a notice by
 * one bank is not another bank's), their people, groups and places agree when both have some ({@link StoryNames}),
 * and they were published within
 * {@code clipfile.copies.window} (3 days) of each other; otherwise it starts a cluster named by its own id. Clusters are never merged
 * afterwards (no document is rewritten): an article is compared with the best copy found, which keeps one chain of
 * small edits from gluing two stories together. A lookup that fails degrades to the in-memory lookup: the article is
 * written, in its own cluster at worst.
 */
@Component
public class CopyClusters {
    private static final Logger log = LoggerFactory.getLogger(CopyClusters.class);
    /** Candidate clusters read per article: the best-matching few are enough. */
    static final int CANDIDATES = 5;
    /**
     * Articles remembered in memory, covering the refresh delay of an import: it refreshes the index every 30 s
     * (ImportService), 6,000 to 9,000 articles at the rates measured here, so a copy imported up to that far
     * after its original still finds it here rather than in the index.
     */
    static final int RECENT = 20_000;

    private final ArticleIndex index;
    private final CopiesProperties properties;
    private final Recent recent = new Recent(RECENT);

    public CopyClusters(ArticleIndex index, CopiesProperties properties) {
        this.index = index;
        this.properties = properties;
    }

    /** A member of a cluster as a candidate: enough to verify similarity and take its cluster. */
    record Member(String id, String cluster, int[] signature, int size, List<String> numbers, List<String> lead,
            @Nullable Instant published, @Nullable List<String> names) {
        /** A member without names (stored before they were, or not enriched): the names check does not apply. */
        Member(String id, String cluster, int[] signature, int size, List<String> numbers, List<String> lead,
                @Nullable Instant published) {
            this(id, cluster, signature, size, numbers, lead, published, null);
        }
    }

    /**
     * Share of the smaller set of numbers that must be in the other text (see {@link Sketch#numbersAgree}): all of
     * them, from one number on. A reprint that drops a paragraph drops its numbers and keeps the others; a template
     * item of another day or another price (a rate table, a tapioca quote of April 7 and of April 8, a copper price
     * cut to 67 cents and one to 66) differs in at least one. It was 60 % from two numbers before the names check
     * (docs/wire-copies.md, "Names agree").
     */
    static final double NUMBERS_AGREE = 1.0;
    /** Numbers both texts must hold for their numbers to be compared. */
    static final int NUMBERS_LEAST = 1;
    /** Pairs of consecutive numbers that may differ in order ({@link Sketch#numbersInOrder}); negative: not checked. */
    static final int NUMBERS_ORDER_SLACK = 3;
    /**
     * Share of the smaller set of names (people, groups, places: {@link StoryNames}) that must be in the other when
     * both articles have names (see docs/wire-copies.md, "Names agree", for how it was chosen).
     */
    static final double NAMES_AGREE = 0.5;
    /** Whether an article naming someone may be a copy of one enriched to name no one ({@link StoryNames#agree}). */
    static final boolean NAMES_BOTH_OR_NEITHER = true;
    /**
     * Texts of fewer shingles than this (briefs and small tables, about 50 words) are copies only within
     * {@link #SHORT_TEXT_WINDOW}: a wire brief is re-sent or reprinted the same day, while the same few lines two days
     * later are the next day's item ("Six grain ships were waiting to load at Portland", 1 and 3 April), which
     * neither figures nor names tell apart.
     */
    static final int SHORT_TEXT_SHINGLES = 48;
    static final Duration SHORT_TEXT_WINDOW = Duration.ofHours(24);

    /** The articles with their clusters, in the same order. */
    public List<Article> assign(List<Article> articles) {
        if (!properties.enabled()) {
            return articles.stream().map(a -> a.withCluster(a.id())).toList();
        }
        List<Sketch> sketches = articles.stream().map(a -> Sketch.of(a.body())).toList();
        List<List<Member>> stored = lookUp(articles, sketches);
        List<Article> assigned = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            Sketch sketch = sketches.get(i);
            if (!sketch.comparable()) {
                assigned.add(article.withCluster(article.id()));
                continue;
            }
            List<Member> candidates = new ArrayList<>(stored.get(i));
            candidates.addAll(recent.candidates(sketch));
            // Unknown (null) when the article was not enriched: then the names check does not apply.
            List<String> names = article.entities() == null ? null : StoryNames.of(article.entities());
            Member best = best(article.id(), article.published(), sketch, names, NAMES_AGREE, candidates,
                    properties.containment(), properties.minSimilarity(), properties.window());
            String cluster = best == null ? article.id() : best.cluster();
            Article withCluster = article.withCluster(cluster);
            recent.add(new Member(article.id(), cluster, sketch.signature(), sketch.size(), sketch.numbers(),
                    sketch.lead(), article.published(), names), sketch.bands());
            assigned.add(withCluster);
        }
        return assigned;
    }

    /**
     * The candidate whose cluster the article joins: the one containing the most of it (or contained the most in
     * it), when that share reaches {@code containment} and their Jaccard similarity {@code minSimilarity}; its own
     * earlier copy (same id) first, so a re-ingested article keeps its cluster. Null: it starts a cluster.
     */
    static @Nullable Member best(String id, @Nullable Instant published, Sketch sketch, List<Member> candidates,
            double containment, double minSimilarity, Duration window) {
        return best(id, published, sketch, null, NAMES_AGREE, candidates, containment, minSimilarity, window);
    }

    /**
     * The same, when the article has {@code names}: a candidate with names too is a copy only if at least
     * {@code namesShare} of the smaller set of names is in the other ({@link StoryNames#agree}).
     */
    static @Nullable Member best(String id, @Nullable Instant published, Sketch sketch, @Nullable List<String> names,
            double namesShare, List<Member> candidates, double containment, double minSimilarity, Duration window) {
        return best(id, published, sketch, names, new Agreement(namesShare, NUMBERS_AGREE, NUMBERS_LEAST, 1), candidates,
                containment, minSimilarity, window);
    }

    /**
     * What must agree besides the text: the share of the smaller set of names in the other, the share of the smaller
     * set of numbers in the other when both hold at least {@code numbersLeast}, and how many of the two leading names
     * both share. The evaluation compares settings with it.
     */
    record Agreement(double names, double numbers, int numbersLeast, int leadShared, boolean namesBothOrNeither,
            int numbersOrderSlack) {
        Agreement(double names, double numbers, int numbersLeast, int leadShared) {
            this(names, numbers, numbersLeast, leadShared, NAMES_BOTH_OR_NEITHER, NUMBERS_ORDER_SLACK);
        }

        Agreement(double names, double numbers, int numbersLeast, int leadShared, boolean namesBothOrNeither) {
            this(names, numbers, numbersLeast, leadShared, namesBothOrNeither, NUMBERS_ORDER_SLACK);
        }
    }

    static @Nullable Member best(String id, @Nullable Instant published, Sketch sketch, @Nullable List<String> names,
            Agreement agreement, List<Member> candidates, double containment, double minSimilarity, Duration window) {
        Member best = null;
        double bestScore = -1;
        for (Member candidate : candidates) {
            boolean shortText = Math.min(sketch.size(), candidate.size()) < SHORT_TEXT_SHINGLES;
            Duration within = shortText && SHORT_TEXT_WINDOW.compareTo(window) < 0 ? SHORT_TEXT_WINDOW : window;
            if (!withinWindow(published, candidate.published(), within)) {
                continue;
            }
            double similarity = sketch.similarity(candidate.signature());
            double contained = sketch.containment(candidate.signature(), candidate.size());
            // A candidate without names was stored before names (and words for numbers) were kept, or not enriched:
            // its numbers are compared as figures only, so that "six" or "Monday" in the new text alone is no
            // difference.
            Sketch numbered = candidate.names() == null ? sketch.withFiguresOnly() : sketch;
            List<String> theirs = candidate.names() == null ? Sketch.figuresOnly(candidate.numbers())
                    : candidate.numbers();
            if (similarity < minSimilarity || contained < containment
                    || !numbered.numbersAgree(theirs, agreement.numbers(), agreement.numbersLeast())
                    || !numbered.numbersInOrder(theirs, agreement.numbersOrderSlack())
                    || !sketch.leadAgrees(candidate.lead(), agreement.leadShared())
                    || !StoryNames.agree(names, candidate.names(), agreement.names(),
                            agreement.namesBothOrNeither())) {
                continue;
            }
            double score = candidate.id().equals(id) ? 3 : contained + similarity;
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Two dates within the window of each other; an article without a date is compared with any. */
    static boolean withinWindow(@Nullable Instant one, @Nullable Instant other, Duration window) {
        return one == null || other == null || Duration.between(one, other).abs().compareTo(window) <= 0;
    }

    /**
     * The stored candidates of each article: one search for the whole batch when its bands match at most
     * {@link #BATCH_HITS} documents, else one {@code _msearch} item per article. Both give the same candidates.
     */
    private List<List<Member>> lookUp(List<Article> articles, List<Sketch> sketches) {
        if (sketches.stream().noneMatch(Sketch::comparable)) {
            List<List<Member>> none = new ArrayList<>(sketches.size());
            sketches.forEach(s -> none.add(List.of()));
            return none;
        }
        try {
            List<List<Member>> found = lookUpBatch(articles, sketches, BATCH_HITS);
            if (found == null) {
                log.debug("The bands of a batch of {} articles match more than {} documents: one lookup each",
                        articles.size(), BATCH_HITS);
                found = lookUpEach(articles, sketches);
            }
            return found;
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not look for copies of {} articles ({}); only recent articles are compared", articles
                    .size(), e.toString());
            List<List<Member>> none = new ArrayList<>(sketches.size());
            sketches.forEach(s -> none.add(List.of()));
            return none;
        }
    }

    /**
     * The stored candidates of each article from one search for the whole batch; null when its bands match more than
     * {@code limit} documents (or are too many for one query).
     */
    @Nullable List<List<Member>> lookUpBatch(List<Article> articles, List<Sketch> sketches, int limit)
            throws IOException {
        List<@Nullable Instant> published = articles.stream().map(Article::published).toList();
        SearchRequest request = batchRequest(index.alias(), sketches, published, properties.window(), limit + 1);
        if (request == null) {
            return null;
        }
        List<Hit<JsonNode>> hits = index.search(request, JsonNode.class).hits().hits();
        if (hits.size() > limit) {
            return null;
        }
        List<Candidate> candidates = new ArrayList<>(hits.size());
        for (Hit<JsonNode> hit : hits) {
            Candidate candidate = Candidate.of(hit.source());
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        return rank(sketches, published, candidates, properties.window());
    }

    /**
     * Most documents one batch lookup reads (a batch of 500 articles read up to 2,500 article by article); beyond,
     * each article is looked up apart, which reads its best few clusters only.
     */
    static final int BATCH_HITS = 4_000;
    /** Elasticsearch's default {@code index.max_terms_count}: the most bands one {@code terms} query may hold. */
    static final int MAX_TERMS = 65_536;

    /**
     * One search for the candidates of a whole batch: every document sharing a band with any of its articles (and,
     * when every article has a date, published within the window of the earliest to the latest, or undated), in
     * index order. Null when the batch has more bands than a {@code terms} query takes.
     */
    static @Nullable SearchRequest batchRequest(String index, List<Sketch> sketches, List<@Nullable Instant> published,
            Duration window, int size) {
        java.util.Set<String> bands = new java.util.LinkedHashSet<>();
        Instant earliest = null;
        Instant latest = null;
        boolean undated = false;
        for (int i = 0; i < sketches.size(); i++) {
            if (!sketches.get(i).comparable()) {
                continue;
            }
            bands.addAll(sketches.get(i).bands());
            Instant when = published.get(i);
            if (when == null) {
                undated = true;
            } else {
                earliest = earliest == null || when.isBefore(earliest) ? when : earliest;
                latest = latest == null || when.isAfter(latest) ? when : latest;
            }
        }
        if (bands.isEmpty() || bands.size() > MAX_TERMS) {
            return null;
        }
        List<FieldValue> terms = bands.stream().map(FieldValue::of).toList();
        Instant from = undated || earliest == null ? null : earliest.minus(window);
        Instant to = undated || latest == null ? null : latest.plus(window);
        return SearchRequest.of(s -> s.index(index)
                .size(size)
                .trackTotalHits(t -> t.enabled(false))
                .sort(o -> o.doc(d -> d))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.terms(t -> t.field("dup.bands").terms(v -> v.value(terms))));
                    if (from != null) {
                        b.filter(f -> f.bool(w -> w
                                .should(r -> r.range(g -> g.date(d -> d.field("published")
                                        .gte(from.toString()).lte(to.toString()))))
                                .should(r -> r.bool(n -> n.mustNot(m -> m.exists(e -> e.field("published")))))));
                    }
                    return b;
                }))
                .source(c -> c.filter(f -> f.includes("id", "cluster", "published", "dup.signature", "dup.size",
                        "dup.numbers", "dup.lead", "dup.names", "dup.bands"))));
    }

    /** A stored document found by the batch lookup: a member, its bands and its cluster as stored (may be absent). */
    record Candidate(Member member, java.util.Set<String> bands, @Nullable String storedCluster) {
        static @Nullable Candidate of(@Nullable JsonNode source) {
            Member member = CopyClusters.member(source);
            if (member == null) {
                return null;
            }
            JsonNode cluster = source.get("cluster");
            return new Candidate(member, java.util.Set.copyOf(strings(source.get("dup").get("bands"))),
                    cluster == null || cluster.isNull() ? null : cluster.asString());
        }
    }

    /**
     * For each article, what its own search would have found: the documents sharing at least one of its bands and
     * published within its window (or undated; any date when the article has none), scored by the number of bands
     * shared, the best-scoring document of each cluster (a document without a cluster counting as one cluster, as
     * {@code collapse} does), the {@link #CANDIDATES} best clusters; ties go to the earlier document in index order,
     * as in Elasticsearch's collapse on one shard. {@code candidates} are in index order.
     */
    static List<List<Member>> rank(List<Sketch> sketches, List<@Nullable Instant> published, List<Candidate> candidates,
            Duration window) {
        Map<String, List<Integer>> byBand = new HashMap<>();
        for (int c = 0; c < candidates.size(); c++) {
            for (String band : candidates.get(c).bands()) {
                byBand.computeIfAbsent(band, b -> new ArrayList<>(2)).add(c);
            }
        }
        List<List<Member>> found = new ArrayList<>(sketches.size());
        int[] shared = new int[candidates.size()];
        for (int i = 0; i < sketches.size(); i++) {
            Sketch sketch = sketches.get(i);
            if (!sketch.comparable()) {
                found.add(List.of());
                continue;
            }
            java.util.Arrays.fill(shared, 0);
            java.util.TreeSet<Integer> matching = new java.util.TreeSet<>();
            for (String band : new java.util.LinkedHashSet<>(sketch.bands())) {
                for (int c : byBand.getOrDefault(band, List.of())) {
                    shared[c]++;
                    matching.add(c);
                }
            }
            Instant when = published.get(i);
            // The best document of each cluster: the first in index order with the most bands shared.
            Map<String, Integer> bestOfCluster = new java.util.LinkedHashMap<>();
            for (int c : matching) {
                Candidate candidate = candidates.get(c);
                if (!withinRange(when, candidate.member().published(), window)) {
                    continue;
                }
                String key = candidate.storedCluster() == null ? "" : "=" + candidate.storedCluster();
                Integer best = bestOfCluster.get(key);
                if (best == null || shared[c] > shared[best]) {
                    bestOfCluster.put(key, c);
                }
            }
            found.add(bestOfCluster.values().stream()
                    .sorted(java.util.Comparator.comparingInt((Integer c) -> -shared[c]).thenComparingInt(c -> c))
                    .limit(CANDIDATES).map(c -> candidates.get(c).member()).toList());
        }
        return found;
    }

    /** The per-article search's date filter: within the window in milliseconds, or undated, or any when no date. */
    static boolean withinRange(@Nullable Instant article, @Nullable Instant candidate, Duration window) {
        if (article == null || candidate == null) {
            return true;
        }
        long at = candidate.toEpochMilli();
        return at >= article.minus(window).toEpochMilli() && at <= article.plus(window).toEpochMilli();
    }

    /**
     * One {@code _msearch} item per article: the best few clusters sharing its bands (the lookup before batches; kept
     * for a batch matching too many documents, and as the reference the batch lookup is tested against).
     */
    List<List<Member>> lookUpEach(List<Article> articles, List<Sketch> sketches) throws IOException {
        List<List<Member>> found = new ArrayList<>(sketches.size());
        List<RequestItem> searches = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < sketches.size(); i++) {
            found.add(List.of());
            Sketch sketch = sketches.get(i);
            if (sketch.comparable()) {
                int position = i;
                positions.add(i);
                searches.add(RequestItem.of(r -> r.header(h -> h).body(b -> b
                        .size(CANDIDATES)
                        .trackTotalHits(t -> t.enabled(false))
                        .query(candidates(sketch, articles.get(position).published(), properties.window()))
                        .collapse(c -> c.field("cluster"))
                        .source(s -> s.filter(f -> f.includes("id", "cluster", "published", "dup.signature",
                                "dup.size", "dup.numbers", "dup.lead", "dup.names"))))));
            }
        }
        MsearchResponse<JsonNode> response = index.msearch(searches, JsonNode.class);
        for (int k = 0; k < response.responses().size(); k++) {
            MultiSearchResponseItem<JsonNode> item = response.responses().get(k);
            if (item.isFailure()) {
                log.warn("Looking for copies failed for one article: {}", item.failure().error().reason());
                continue;
            }
            List<Member> members = new ArrayList<>();
            for (Hit<JsonNode> hit : item.result().hits().hits()) {
                Member member = member(hit.source());
                if (member != null) {
                    members.add(member);
                }
            }
            found.set(positions.get(k), members);
        }
        return found;
    }

    /**
     * Documents sharing a band, scored by how many bands they share (constant score per band), published within the
     * window (or undated) when the article has a date.
     */
    static Query candidates(Sketch sketch, @Nullable Instant published, Duration window) {
        return Query.of(q -> q.bool(b -> {
            for (String band : sketch.bands()) {
                b.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("dup.bands")
                        .value(FieldValue.of(band))))));
            }
            if (published != null) {
                b.filter(f -> f.bool(w -> w
                        .should(r -> r.range(g -> g.date(d -> d.field("published")
                                .gte(published.minus(window).toString()).lte(published.plus(window).toString()))))
                        .should(r -> r.bool(n -> n.mustNot(m -> m.exists(e -> e.field("published")))))));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    static @Nullable Member member(@Nullable JsonNode source) {
        if (source == null || source.get("id") == null || source.get("dup") == null) {
            return null;
        }
        String id = source.get("id").asString();
        JsonNode cluster = source.get("cluster");
        JsonNode published = source.get("published");
        JsonNode signature = source.get("dup").get("signature");
        JsonNode size = source.get("dup").get("size");
        List<String> numbers = strings(source.get("dup").get("numbers"));
        List<String> lead = strings(source.get("dup").get("lead"));
        // Absent in articles stored before names were: unknown, the names check does not apply to them.
        List<String> names = source.get("dup").get("names") == null ? null : strings(source.get("dup").get("names"));
        Instant when = null;
        if (published != null && !published.isNull()) {
            try {
                when = Instant.parse(published.asString());
            } catch (RuntimeException e) {
                when = null;
            }
        }
        return new Member(id, cluster == null || cluster.isNull() ? id : cluster.asString(),
                Sketch.decodeSignature(signature == null ? null : signature.asString()),
                size == null || !size.canConvertToInt() ? 0 : size.intValue(), numbers, lead, when, names);
    }

    private static List<String> strings(@Nullable JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> values.add(n.asString()));
        }
        return List.copyOf(values);
    }

    /** The last articles assigned by this instance, findable by band: a bounded in-memory LSH table. */
    static final class Recent {
        private final int capacity;
        private final ArrayDeque<Map.Entry<Member, List<String>>> order = new ArrayDeque<>();
        private final Map<String, List<Member>> byBand = new HashMap<>();

        Recent(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(Member member, List<String> bands) {
            order.addLast(Map.entry(member, bands));
            for (String band : bands) {
                byBand.computeIfAbsent(band, b -> new ArrayList<>(1)).add(member);
            }
            while (order.size() > capacity) {
                var oldest = order.removeFirst();
                for (String band : oldest.getValue()) {
                    List<Member> members = byBand.get(band);
                    if (members != null) {
                        members.remove(oldest.getKey());
                        if (members.isEmpty()) {
                            byBand.remove(band);
                        }
                    }
                }
            }
        }

        synchronized List<Member> candidates(Sketch sketch) {
            List<Member> found = new ArrayList<>();
            for (String band : sketch.bands()) {
                for (Member member : byBand.getOrDefault(band, List.of())) {
                    if (!found.contains(member)) {
                        found.add(member);
                    }
                }
            }
            return found;
        }

        /** Forgets an article (taken down): it must not attract copies any more. */
        synchronized void remove(String id) {
            order.removeIf(e -> {
                if (!e.getKey().id().equals(id)) {
                    return false;
                }
                for (String band : e.getValue()) {
                    List<Member> members = byBand.get(band);
                    if (members != null) {
                        members.remove(e.getKey());
                    }
                }
                return true;
            });
        }
    }

    /** Forgets a removed article in the in-memory table. */
    public void forget(String id) {
        recent.remove(id);
    }
}
