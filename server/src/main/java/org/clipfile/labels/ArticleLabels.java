package org.clipfile.labels;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleIndex;
import org.clipfile.problem.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Editors' labels on articles, stored in the article's own {@code labels} field so that search, facets and export
 * read them like any other field, and a re-index copies them with the article.
 *
 * <p>A change reads the article's labels with its sequence number and writes them back only if the article is
 * unchanged since (another editor's label, an ingest in between: read again, up to {@value #ATTEMPTS} times). It is
 * then applied to any other article index holding the article (a re-index's new index, filled meanwhile, and the
 * old ones kept for a roll-back), so that a label added during a re-index is not lost when the alias moves.
 */
@Component
public class ArticleLabels {
    private static final Logger log = LoggerFactory.getLogger(ArticleLabels.class);
    static final int ATTEMPTS = 5;

    private final ArticleIndex index;

    public ArticleLabels(ArticleIndex index) {
        this.index = index;
    }

    /** An article's labels after a change; {@code changed} is false when the change was there already. */
    public record Change(String id, List<String> labels, boolean changed) {}

    private record Stored(@Nullable List<String> labels) {
        List<String> list() {
            return labels == null ? List.of() : labels;
        }
    }

    /**
     * Adds a label (in its stored form, see {@link Labels#normalize}); a {@code 409} problem when the article has
     * {@value Labels#MAX_PER_ARTICLE} already, {@code 404} when there is no such article.
     */
    public Change add(String id, String label) throws IOException {
        return change(id, labels -> {
            if (labels.contains(label)) {
                return labels;
            }
            if (labels.size() >= Labels.MAX_PER_ARTICLE) {
                throw ApiProblem.conflict("too-many-labels", "Too many labels", "The article has "
                        + labels.size() + " labels; the limit is " + Labels.MAX_PER_ARTICLE + ". Remove one first.");
            }
            List<String> added = new ArrayList<>(labels);
            added.add(label);
            return added;
        });
    }

    /** Removes a label; unchanged (and no error) when the article does not have it. */
    public Change remove(String id, String label) throws IOException {
        return change(id, labels -> labels.stream().filter(l -> !l.equals(label)).toList());
    }

    private Change change(String id, UnaryOperator<List<String>> edit) throws IOException {
        if (!ArticleIndex.possibleId(id)) {
            throw ApiProblem.notFound("No article with id " + id);
        }
        for (int attempt = 1; ; attempt++) {
            GetResponse<Stored> stored = index.get(id, List.of("labels"), Stored.class);
            if (!stored.found() || stored.source() == null || stored.seqNo() == null
                    || stored.primaryTerm() == null) {
                throw ApiProblem.notFound("No article with id " + id);
            }
            List<String> before = stored.source().list();
            List<String> after = edit.apply(before);
            if (after.equals(before)) {
                return new Change(id, before, false);
            }
            try {
                index.updateIfUnchanged(stored.index(), id, Map.of("labels", after), stored.seqNo(),
                        stored.primaryTerm(), Refresh.WaitFor);
            } catch (ElasticsearchException e) {
                if (e.status() == 409 && attempt < ATTEMPTS) {
                    continue;
                }
                if (e.status() == 409) {
                    throw ApiProblem.of(HttpStatus.CONFLICT, "article-busy", "Article busy", "The article changed "
                            + ATTEMPTS + " times while its labels were being written; try again");
                }
                if (e.status() == 404) {
                    throw ApiProblem.notFound("No article with id " + id);
                }
                throw e;
            }
            applyElsewhere(id, stored.index(), after);
            return new Change(id, after, true);
        }
    }

    /** The same labels in every other article index that holds the article (best effort: logged when it fails). */
    private void applyElsewhere(String id, String written, List<String> labels) {
        try {
            SearchResponse<Void> found = index.search(SearchRequest.of(s -> s.index(index.alias() + "-v*")
                    .ignoreUnavailable(true).allowNoIndices(true).query(q -> q.ids(i -> i.values(id)))
                    .source(src -> src.fetch(false)).size(20)), Void.class);
            for (Hit<Void> hit : found.hits().hits()) {
                if (hit.index().equals(written)) {
                    continue;
                }
                try {
                    index.update(hit.index(), id, Map.of("labels", labels), ATTEMPTS);
                } catch (ElasticsearchException e) {
                    // An older index may lack the field (strict mapping) or the article meanwhile: not this call's fault.
                    log.info("Labels of {} not copied into {}: {}", id, hit.index(), e.getMessage());
                }
            }
        } catch (IOException | ElasticsearchException e) {
            log.warn("Labels of {} were written to {} but not looked for in the other article indices: {}", id,
                    written, e.toString());
        }
    }

    /** The labels stored for an article; empty when it has none or does not exist. */
    public Optional<List<String>> of(String id) throws IOException {
        if (!ArticleIndex.possibleId(id)) {
            return Optional.empty();
        }
        GetResponse<Stored> stored = index.get(id, List.of("labels"), Stored.class);
        return stored.found() && stored.source() != null ? Optional.of(stored.source().list()) : Optional.empty();
    }

    /** The version at which a stored article was read: a write of it should be conditional on it. */
    public record Seen(long seqNo, long primaryTerm) {}

    /** A batch with its stored labels carried over, and the version each stored article was read at. */
    public record Carried(List<Article> articles, Map<String, Seen> seen) {}

    /**
     * The batch with the labels its stored copies have: an article ingested again under the same id keeps its
     * editors' labels (sources never set them). One {@code mget} of the {@code labels} field per batch.
     *
     * @throws IOException Elasticsearch could not be reached: the batch should not be written yet
     */
    public List<Article> carry(List<Article> batch) throws IOException {
        return carryAndSee(batch).articles();
    }

    /**
     * The same, with the version each article already stored was read at: written only if still at that version, an
     * article cannot lose a label an editor added between this read and the write.
     */
    public Carried carryAndSee(List<Article> batch) throws IOException {
        List<String> ids = batch.stream().map(Article::id).filter(ArticleIndex::possibleId).distinct().toList();
        if (ids.isEmpty()) {
            return new Carried(batch, Map.of());
        }
        MgetResponse<Stored> response;
        try {
            response = index.getAll(ids, List.of("labels"), Stored.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return new Carried(batch, Map.of()); // no article index yet: nothing to carry
            }
            throw e;
        }
        Map<String, List<String>> stored = new HashMap<>();
        Map<String, Seen> seen = new HashMap<>();
        for (var doc : response.docs()) {
            if (doc.isFailure()) {
                throw new IOException("Could not read the stored labels of " + doc.failure().id() + ": "
                        + doc.failure().error().reason());
            }
            var result = doc.result();
            if (result.found() && result.seqNo() != null && result.primaryTerm() != null) {
                seen.put(result.id(), new Seen(result.seqNo(), result.primaryTerm()));
            }
            if (result.found() && result.source() != null && !result.source().list().isEmpty()) {
                stored.put(result.id(), result.source().list());
            }
        }
        if (stored.isEmpty()) {
            return new Carried(batch, seen);
        }
        List<Article> carried = new ArrayList<>(batch.size());
        for (Article article : batch) {
            List<String> labels = stored.get(article.id());
            if (labels == null) {
                carried.add(article);
            } else {
                Set<String> merged = new LinkedHashSet<>(labels);
                merged.addAll(article.labels());
                carried.add(article.withLabels(List.copyOf(merged)));
            }
        }
        return new Carried(carried, seen);
    }
}
