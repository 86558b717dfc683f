package org.clipfile.versions;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleDocument;
import org.clipfile.index.ArticleIndex;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the earlier text of an article that is ingested again under the same id (its canonical URL) with another
 * title or body, in {@code <alias>-article-versions} ({@code mappings/article-versions.json}), before the new text
 * replaces it. Search reads the article alias only, so it sees the current text; the versions are read by id.
 *
 * <p>Per batch: one {@code mget} of the stored content hashes; only for articles whose text changed, one
 * {@code mget} of their stored text, one search for the versions already kept and one bulk write. The same text
 * again keeps nothing. A version's id comes from the article id and the replaced text's hash and ingest time, and it
 * is written with {@code create}: a batch checked twice (a retry after an outage) keeps it once.
 */
@Component
public class ArticleVersions {
    private static final Logger log = LoggerFactory.getLogger(ArticleVersions.class);
    private static final List<String> STORED_FIELDS = List.of("title", "body", "url", "source", "published",
            "ingested_at", "content_hash");

    private final ArticleIndex index;
    private final VersionsProperties properties;
    private final SystemIndex<ArticleVersion> versions;
    private final String alias;
    private final Clock clock = Clock.systemUTC();

    public ArticleVersions(ArticleIndex index, VersionsProperties properties, SystemIndices indices) {
        this.index = index;
        this.properties = properties;
        this.versions = indices.define("article-versions", "article-versions.json", ArticleVersion.class);
        this.alias = versions.alias();
    }

    public String alias() {
        return alias;
    }

    /** Deletes the earlier texts matching {@code query} (a takedown covers every version); the number deleted. */
    public long deleteWhere(Query query) throws IOException {
        return versions.deleteWhere(query);
    }

    public int maxPerArticle() {
        return properties.maxPerArticle();
    }

    /**
     * Created when the first version is kept, not at start-up: the start-up listeners hold back imports until they
     * have run, and most archives never replace a text. Reads and takedowns find no index as no versions.
     */
    private void ensureIndex() throws IOException {
        versions.ensureExistsOnce();
    }

    /** The text an article had, as read back from the article index. */
    private record Stored(String title, String body, @Nullable String url, @Nullable String source,
            @Nullable Instant published, @Nullable Instant ingestedAt, String contentHash) {

        static Stored of(Article article) {
            return new Stored(article.title(), article.body(), article.url(), article.source(), article.published(),
                    article.ingestedAt(), article.contentHash());
        }
    }

    /**
     * Keeps the stored text of every article of the batch that is about to be replaced by another text (an earlier
     * article of the same batch with the same id counts as stored). Returns, by article id, why an earlier text
     * could not be kept: such an article must not be written, or the text would be lost.
     *
     * @throws IOException Elasticsearch could not be reached: nothing of the batch should be written yet
     */
    public Map<String, String> keepEarlier(List<Article> batch) throws IOException {
        if (!properties.enabled() || batch.isEmpty()) {
            return Map.of();
        }
        Map<String, String> storedHashes = storedHashes(batch);
        // Which articles replace a text: the stored one, or an earlier article of this batch with the same id.
        Map<String, Article> inBatch = new HashMap<>();
        List<String> replacingStored = new ArrayList<>();
        List<Map.Entry<String, Stored>> replacedInBatch = new ArrayList<>();
        for (Article article : batch) {
            Article earlier = inBatch.put(article.id(), article);
            if (earlier != null) {
                if (!earlier.contentHash().equals(article.contentHash())) {
                    replacedInBatch.add(Map.entry(article.id(), Stored.of(earlier)));
                }
            } else {
                String stored = storedHashes.get(article.id());
                if (stored != null && !stored.equals(article.contentHash())) {
                    replacingStored.add(article.id());
                }
            }
        }
        if (replacingStored.isEmpty() && replacedInBatch.isEmpty()) {
            return Map.of();
        }
        ensureIndex();
        List<Map.Entry<String, Stored>> replaced = new ArrayList<>(storedTexts(replacingStored));
        replaced.addAll(replacedInBatch);
        return write(replaced);
    }

    /** The content hash stored for each id of the batch that is in the archive already. */
    private Map<String, String> storedHashes(List<Article> batch) throws IOException {
        List<String> ids = batch.stream().map(Article::id).filter(ArticleIndex::possibleId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> hashes = new HashMap<>();
        index.findAll(ids, List.of("content_hash"), HashOnly.class).forEach((id, stored) -> {
            if (stored.contentHash() != null) {
                hashes.put(id, stored.contentHash());
            }
        });
        return hashes;
    }

    record HashOnly(@com.fasterxml.jackson.annotation.JsonProperty("content_hash") @Nullable String contentHash) {}

    private List<Map.Entry<String, Stored>> storedTexts(List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, Stored>> texts = new ArrayList<>();
        index.findAll(ids, STORED_FIELDS, ArticleDocument.class).forEach((id, stored) -> texts.add(Map.entry(id,
                new Stored(stored.title(), stored.body(), stored.url(), stored.source(), stored.published(),
                        stored.ingestedAt(), stored.contentHash()))));
        return texts;
    }

    /** Writes the replaced texts as versions numbered after those kept, then drops what exceeds the bound. */
    private Map<String, String> write(List<Map.Entry<String, Stored>> replaced) throws IOException {
        List<String> articleIds = replaced.stream().map(Map.Entry::getKey).distinct().toList();
        Map<String, long[]> kept = keptCounts(articleIds);
        Instant now = clock.instant();
        List<BulkOperation> operations = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        Map<String, Integer> added = new HashMap<>();
        for (Map.Entry<String, Stored> entry : replaced) {
            String id = entry.getKey();
            Stored text = entry.getValue();
            long[] countAndMax = kept.getOrDefault(id, new long[] {0, 0});
            int sequence = (int) countAndMax[1] + 1 + added.getOrDefault(id, 0);
            added.merge(id, 1, Integer::sum);
            ArticleVersion version = new ArticleVersion(id, sequence, text.title(), text.body(), text.url(),
                    text.source(), text.published(), text.ingestedAt(), now, text.contentHash());
            String versionId = versionId(id, text.contentHash(), text.ingestedAt());
            operations.add(BulkOperation.of(op -> op.create(c -> c.id(versionId).document(version))));
            owners.add(id);
        }
        BulkResponse response = versions.bulk(Refresh.WaitFor, b -> b.operations(operations));
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < response.items().size(); i++) {
            var item = response.items().get(i);
            // 409: this text was kept already (the batch is being checked again after a retry).
            if (item.error() != null && item.status() != 409) {
                failed.put(owners.get(i), "The earlier version of this article could not be kept ("
                        + item.error().type() + "), so it was not replaced; try again");
            }
        }
        for (String id : articleIds) {
            long count = kept.getOrDefault(id, new long[] {0, 0})[0] + added.getOrDefault(id, 0);
            if (!failed.containsKey(id) && count > properties.maxPerArticle()) {
                dropExcess(id);
            }
        }
        return failed;
    }

    /** For each article, how many versions are kept and the highest sequence number given. One search. */
    private Map<String, long[]> keptCounts(List<String> articleIds) throws IOException {
        List<FieldValue> values = articleIds.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = versions.search(s -> s.size(0)
                .query(q -> q.terms(t -> t.field("article_id").terms(v -> v.value(values))))
                .aggregations("articles", a -> a.terms(t -> t.field("article_id").size(articleIds.size()))
                        .aggregations("last", l -> l.max(m -> m.field("sequence")))), Void.class);
        Map<String, long[]> counts = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("articles").sterms().buckets().array()) {
            double max = bucket.aggregations().get("last").max().value();
            counts.put(bucket.key().stringValue(), new long[] {bucket.docCount(), (long) max});
        }
        return counts;
    }

    /** Deletes the oldest versions after the first until {@code maxPerArticle} are left. */
    private void dropExcess(String articleId) throws IOException {
        List<Hit<Void>> hits = versions.search(s -> s.size(1000).source(f -> f.fetch(false))
                .query(q -> q.term(t -> t.field("article_id").value(FieldValue.of(articleId))))
                .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Asc))), Void.class).hits().hits();
        int excess = hits.size() - properties.maxPerArticle();
        if (excess <= 0) {
            return;
        }
        List<Hit<Void>> dropped = hits.subList(1, 1 + excess);
        BulkResponse response = versions.bulk(Refresh.WaitFor, b -> {
            for (Hit<Void> hit : dropped) {
                b.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id())));
            }
            return b;
        });
        if (response.errors()) {
            log.warn("Could not drop {} old versions of article {}", excess, articleId);
        }
    }

    static String versionId(String articleId, String contentHash, @Nullable Instant ingestedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((contentHash + "|" + ingestedAt)
                    .getBytes(StandardCharsets.UTF_8));
            return articleId + "-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The versions kept of an article, oldest first, at most {@code maxPerArticle}. */
    public List<ArticleVersion> of(String articleId) throws IOException {
        if (!ArticleIndex.possibleId(articleId)) {
            return List.of();
        }
        return SystemIndex.unlessMissing(() -> versions.search(s -> s.ignoreUnavailable(true)
                .size(properties.maxPerArticle())
                .query(q -> q.term(t -> t.field("article_id").value(FieldValue.of(articleId))))
                .sort(o -> o.field(f -> f.field("sequence").order(SortOrder.Asc))), ArticleVersion.class)
                .hits().hits().stream().map(Hit::source).toList(), List.of());
    }
}
