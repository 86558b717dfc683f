package org.clipfile.copies;

import org.clipfile.article.Sketch;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
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
 * Finds the cluster (the story) each new article belongs to, before it is written. For every article of a batch one
 * {@code _msearch} item asks for the documents sharing at least one LSH band with it (collapsed by cluster, most
 * shared bands first); the candidates' stored signatures then verify the similarity. The articles written in the last
 * moments, not yet visible to search (a refresh is up to a second away), and the earlier articles of the same batch
 * are looked up in memory, so two copies in one import batch land in one cluster.
 *
 * <p>An article joins the cluster of the candidate sharing most of its text: when the smaller of the two is contained
 * in the other to {@code clipfile.copies.containment} and their Jaccard similarity reaches
 * {@code clipfile.copies.min-similarity} (a trimmed reprint is contained in its original; the lower bound keeps a
 * one-paragraph brief from joining every long story that quotes it), and their numbers agree (template stories
 * such as a daily market report share their words, not their figures), their leading names agree (a notice by
 * one bank is not another bank's), and they were published within
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

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final CopiesProperties properties;
    private final Recent recent = new Recent(RECENT);

    public CopyClusters(ElasticsearchClient client, ArticleIndex index, CopiesProperties properties) {
        this.client = client;
        this.index = index;
        this.properties = properties;
    }

    /** A member of a cluster as a candidate: enough to verify similarity and take its cluster. */
    record Member(String id, String cluster, int[] signature, int size, List<String> numbers, List<String> lead,
            @Nullable Instant published) {}

    /** Share of the smaller set of numbers that must be in the other text (see {@link Sketch#numbersAgree}). */
    static final double NUMBERS_AGREE = 0.6;

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
            Member best = best(article.id(), article.published(), sketch, candidates, properties.containment(),
                    properties.minSimilarity(), properties.window());
            String cluster = best == null ? article.id() : best.cluster();
            Article withCluster = article.withCluster(cluster);
            recent.add(new Member(article.id(), cluster, sketch.signature(), sketch.size(), sketch.numbers(),
                    sketch.lead(), article.published()), sketch.bands());
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
        Member best = null;
        double bestScore = -1;
        for (Member candidate : candidates) {
            if (!withinWindow(published, candidate.published(), window)) {
                continue;
            }
            double similarity = sketch.similarity(candidate.signature());
            double contained = sketch.containment(candidate.signature(), candidate.size());
            if (similarity < minSimilarity || contained < containment
                    || !sketch.numbersAgree(candidate.numbers(), NUMBERS_AGREE) || !sketch.leadAgrees(candidate.lead())) {
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

    private List<List<Member>> lookUp(List<Article> articles, List<Sketch> sketches) {
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
                                "dup.size", "dup.numbers", "dup.lead"))))));
            }
        }
        if (searches.isEmpty()) {
            return found;
        }
        try {
            MsearchResponse<JsonNode> response = client.msearch(m -> m.index(index.alias()).searches(searches),
                    JsonNode.class);
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
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not look for copies of {} articles ({}); only recent articles are compared", searches
                    .size(), e.toString());
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
                size == null || !size.canConvertToInt() ? 0 : size.intValue(), numbers, lead, when);
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
