package org.clipfile.article;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.clipfile.entity.Enrichment;
import org.jspecify.annotations.Nullable;

/**
 * A news article: the domain record, parsed, enriched and clustered. Its people, groups and places ({@code entities})
 * are stored whole, so a new index can be filled without running entity recognition again. How it is stored (with
 * the fields search and facets derive from it) is {@code org.clipfile.index.ArticleDocument}; how the API shows it,
 * {@code org.clipfile.web.ArticleView}.
 *
 * @param id deterministic: from the canonical URL when there is one, else from the content hash
 * @param contentHash SHA-256 of the normalised title and body
 * @param cluster the story this article is a copy of (see {@code org.clipfile.copies}): the id of the cluster's first
 *     article; null until assigned, and then the article's own id
 * @param labels editors' labels (see {@code org.clipfile.labels}), apart from the source's own {@code tags}: kept
 *     when the article is ingested again, copied by a re-index like every other field
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        String id,
        String title,
        String body,
        @Nullable Instant published,
        @Nullable String source,
        @Nullable String url,
        @Nullable String section,
        List<String> tags,
        @Nullable String byline,
        @Nullable String language,
        @JsonProperty("ingested_at") Instant ingestedAt,
        @JsonProperty("content_hash") String contentHash,
        @Nullable Enrichment entities,
        @Nullable String cluster,
        List<String> labels) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** An article without editors' labels (as every source gives it). */
    public Article(String id, String title, String body, @Nullable Instant published, @Nullable String source,
            @Nullable String url, @Nullable String section, List<String> tags, @Nullable String byline,
            @Nullable String language, Instant ingestedAt, String contentHash, @Nullable Enrichment entities,
            @Nullable String cluster) {
        this(id, title, body, published, source, url, section, tags, byline, language, ingestedAt, contentHash,
                entities, cluster, List.of());
    }

    /** An article not yet given a cluster: it leads its own until a copy of an earlier story is found. */
    public Article(String id, String title, String body, @Nullable Instant published, @Nullable String source,
            @Nullable String url, @Nullable String section, List<String> tags, @Nullable String byline,
            @Nullable String language, Instant ingestedAt, String contentHash, @Nullable Enrichment entities) {
        this(id, title, body, published, source, url, section, tags, byline, language, ingestedAt, contentHash,
                entities, null, List.of());
    }

    public Article withEntities(Enrichment enrichment) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, enrichment, cluster, labels);
    }

    public Article withCluster(String clusterId) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, entities, clusterId, labels);
    }

    /** The same article with these editors' labels (an ingest carries over those the stored copy has). */
    public Article withLabels(List<String> editorsLabels) {
        return new Article(id, title, body, published, source, url, section, tags, byline, language, ingestedAt,
                contentHash, entities, cluster, editorsLabels);
    }

    /** Every article belongs to a cluster, its own at least: collapsing needs a value on every document. */
    @Override
    public String cluster() {
        return cluster == null ? id : cluster;
    }
}
