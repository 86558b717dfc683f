package org.clipfile.copies;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
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
 * <p>An article joins the cluster of its most similar candidate when the estimated Jaccard similarity of their
 * shingles reaches {@link #THRESHOLD}; otherwise it starts a cluster named by its own id. Clusters are never merged
 * afterwards (no document is rewritten): an article is compared with the best copy found, which keeps one chain of
 * small edits from gluing two stories together. A lookup that fails degrades to the in-memory lookup: the article is
 * written, in its own cluster at worst.
 */
@Component
public class CopyClusters {
    private static final Logger log = LoggerFactory.getLogger(CopyClusters.class);
    /** Estimated Jaccard similarity of word 3-shingles from which two bodies are copies of one story. */
    public static final double THRESHOLD = 0.5;
    /** Candidate clusters read per article: the best-matching few are enough. */
    static final int CANDIDATES = 5;
    /** Articles remembered in memory, covering the refresh delay of a fast import. */
    static final int RECENT = 5_000;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final Recent recent = new Recent(RECENT);

    public CopyClusters(ElasticsearchClient client, ArticleIndex index) {
        this.client = client;
        this.index = index;
    }

    /** A member of a cluster as a candidate: enough to verify similarity and take its cluster. */
    record Member(String id, String cluster, int[] signature, @Nullable Instant published) {}

    /** The articles with their clusters, in the same order. */
    public List<Article> assign(List<Article> articles) {
        List<Sketch> sketches = articles.stream().map(a -> Sketch.of(a.body())).toList();
        List<List<Member>> stored = lookUp(sketches);
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
            Member best = null;
            double bestSimilarity = THRESHOLD;
            for (Member candidate : candidates) {
                double similarity = candidate.id().equals(article.id()) && sketch.similarity(candidate.signature())
                        >= THRESHOLD ? 2 : sketch.similarity(candidate.signature());
                if (similarity >= bestSimilarity) {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
            String cluster = best == null ? article.id() : best.cluster();
            Article withCluster = article.withCluster(cluster);
            recent.add(new Member(article.id(), cluster, sketch.signature(), article.published()), sketch.bands());
            assigned.add(withCluster);
        }
        return assigned;
    }

    private List<List<Member>> lookUp(List<Sketch> sketches) {
        List<List<Member>> found = new ArrayList<>(sketches.size());
        List<RequestItem> searches = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < sketches.size(); i++) {
            found.add(List.of());
            Sketch sketch = sketches.get(i);
            if (sketch.comparable()) {
                positions.add(i);
                searches.add(RequestItem.of(r -> r.header(h -> h).body(b -> b
                        .size(CANDIDATES)
                        .trackTotalHits(t -> t.enabled(false))
                        .query(candidates(sketch))
                        .collapse(c -> c.field("cluster"))
                        .source(s -> s.filter(f -> f.includes("id", "cluster", "published", "dup.signature"))))));
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

    /** Documents sharing a band, scored by how many bands they share (constant score per band). */
    static Query candidates(Sketch sketch) {
        return Query.of(q -> q.bool(b -> {
            for (String band : sketch.bands()) {
                b.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("dup.bands")
                        .value(FieldValue.of(band))))));
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
        Instant when = null;
        if (published != null && !published.isNull()) {
            try {
                when = Instant.parse(published.asString());
            } catch (RuntimeException e) {
                when = null;
            }
        }
        return new Member(id, cluster == null || cluster.isNull() ? id : cluster.asString(),
                Sketch.decodeSignature(signature == null ? null : signature.asString()), when);
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
