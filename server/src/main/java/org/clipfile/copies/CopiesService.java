package org.clipfile.copies;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.clipfile.article.Sketch;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleDocument;
import org.clipfile.index.ArticleIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The copies of an article's story, earliest published first, each compared with the article asked about. */
@Service
public class CopiesService {
    public static final int MAX_COPIES = 100;

    private final ArticleIndex index;

    public CopiesService(ArticleIndex index) {
        this.index = index;
    }

    /**
     * @param similarity estimated Jaccard similarity of the bodies' word 3-shingles with the article asked about
     * @param containment estimated share of the shorter body's shingles found in the other
     * @param difference the word-level difference from the article asked about to this copy's body
     */
    public record Copy(String id, String title, @Nullable String source, @Nullable Instant published,
            @Nullable String url, boolean leader, @JsonProperty("title_differs") boolean titleDiffers, double similarity,
            double containment,
            WordDiff.Result difference) {}

    /**
     * @param total articles in the cluster, this one included
     * @param leader the earliest published copy (the one the story is filed under)
     * @param copies the other articles, at most {@link #MAX_COPIES}
     */
    public record Copies(String id, String cluster, long total, @Nullable String leader, List<Copy> copies) {}

    public Optional<Copies> copies(String id) throws IOException {
        Optional<Article> found = index.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        String cluster = article.cluster();
        SearchResponse<ArticleDocument> response = index.search(s -> s
                .size(MAX_COPIES + 1)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.term(t -> t.field("cluster").value(FieldValue.of(cluster))))
                .sort(o -> o.field(f -> f.field("published").order(SortOrder.Asc).missing("_last")))
                .sort(o -> o.field(f -> f.field("ingested_at").order(SortOrder.Asc))), ArticleDocument.class);
        List<Article> members = response.hits().hits().stream().map(Hit::source)
                .map(ArticleDocument::toArticle).toList();
        long total = response.hits().total() == null ? members.size() : response.hits().total().value();
        String leader = members.isEmpty() ? article.id() : members.getFirst().id();
        Sketch sketch = Sketch.of(article.body());
        List<Copy> copies = new ArrayList<>();
        for (Article member : members) {
            if (member.id().equals(article.id()) || copies.size() >= MAX_COPIES) {
                continue;
            }
            Sketch other = Sketch.of(member.body());
            copies.add(new Copy(member.id(), member.title(), member.source(), member.published(), member.url(),
                    member.id().equals(leader), !member.title().strip().equals(article.title().strip()),
                    round(sketch.similarity(other.signature())), round(sketch.containment(other.signature(),
                    other.size())),
                    WordDiff.of(article.body(), member.body())));
        }
        return Optional.of(new Copies(article.id(), cluster, Math.max(total, 1), leader, copies));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
