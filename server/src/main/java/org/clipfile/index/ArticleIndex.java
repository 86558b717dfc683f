package org.clipfile.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clipfile.article.Article;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Reads and writes articles through the alias; creates the versioned index behind it when it is missing. */
@Component
public class ArticleIndex {
    private final ElasticsearchClient client;
    private final IndexDefinition definition;
    private final String alias;

    @Autowired
    public ArticleIndex(ElasticsearchClient client, IndexProperties properties) {
        this(client, IndexDefinition.articles(), properties.alias());
    }

    ArticleIndex(ElasticsearchClient client, IndexDefinition definition, String alias) {
        this.client = client;
        this.definition = definition;
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    public String indexName() {
        return definition.indexName(alias);
    }

    public IndexDefinition definition() {
        return definition;
    }

    /** The concrete index the alias writes to. */
    public String currentIndex() throws IOException {
        var aliases = client.indices().getAlias(a -> a.name(alias)).aliases();
        return aliases.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue().aliases().get(alias).isWriteIndex()))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> aliases.keySet().iterator().next());
    }

    /** True when the index behind the alias was made from an older mapping version than this server's. */
    public boolean behindDefinition() throws IOException {
        String current = currentIndex();
        var mapping = client.indices().getMapping(m -> m.index(current)).mappings().values().iterator().next();
        var meta = mapping.mappings().meta();
        int version = meta == null || meta.get("version") == null ? 0 : meta.get("version").to(Integer.class);
        return version < definition.version();
    }

    /** Creates {@code <alias>-v<version>} with the alias on it, unless the alias already exists. */
    public void ensureExists() throws IOException {
        definition.ensureExists(client, alias);
    }

    /** Indexes one article, visible to search when this returns. True when it was new. */
    public boolean save(Article article) throws IOException {
        var response = client.index(i -> i
                .index(alias)
                .id(article.id())
                .document(ArticleDocument.of(article))
                .refresh(Refresh.WaitFor));
        return response.result() == Result.Created;
    }

    /** Indexes a batch; returns the failures by article id (empty when all went in). */
    public List<String> saveAll(List<Article> articles, boolean refresh) throws IOException {
        if (articles.isEmpty()) {
            return List.of();
        }
        BulkResponse response = client.bulk(b -> {
            b.index(alias).refresh(refresh ? Refresh.WaitFor : Refresh.False);
            for (Article article : articles) {
                b.operations(op -> op.index(i -> i.id(article.id()).document(ArticleDocument.of(article))));
            }
            return b;
        });
        List<String> failures = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null) {
                failures.add(item.id() + ": " + item.error().reason());
            }
        }
        return failures;
    }

    /**
     * A bulk writer into the index behind the alias (an import): one request in flight, every item accounted for
     * (see {@link BulkWriter}).
     */
    public BulkWriter writer(int maxOperations, long maxBytes, Duration maxOutage, BulkWriter.Outcome outcome) {
        return new BulkWriter(client, alias, maxOperations, maxBytes, maxOutage, outcome);
    }

    /**
     * A bulk writer into one concrete index of the article index ({@code <alias>-v<n>}: a re-index's target, or the
     * live index a relink rewrites in place).
     */
    public BulkWriter writer(String articleIndex, int maxOperations, long maxBytes, Duration maxOutage,
            BulkWriter.Outcome outcome) {
        return new BulkWriter(client, articleIndex, maxOperations, maxBytes, maxOutage, outcome);
    }

    /**
     * Sets how often {@code articleIndex} (the alias, or one index behind it) makes what was written searchable:
     * {@code -1} for none, e.g. {@code 30s} while importing.
     */
    public void refreshInterval(String articleIndex, String interval) throws IOException {
        client.indices().putSettings(p -> p.index(articleIndex).settings(s -> s.refreshInterval(t -> t.time(interval))));
    }

    /** Elasticsearch's limit on a document id, in UTF-8 bytes: a longer id names nothing (and breaks the URL). */
    public static boolean possibleId(String id) {
        return !id.isEmpty() && id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 512;
    }

    public Optional<Article> find(String id) throws IOException {
        if (!possibleId(id)) {
            return Optional.empty();
        }
        GetResponse<ArticleDocument> response = client.get(g -> g.index(alias).id(id), ArticleDocument.class);
        return response.found() && response.source() != null ? Optional.of(response.source().toArticle())
                : Optional.empty();
    }

    /**
     * The stored documents of {@code ids} that exist, read in one request, only {@code fields} of each (real-time:
     * what was written a moment ago is there), by id in the order asked.
     */
    public <T> Map<String, T> findAll(List<String> ids, List<String> fields, Class<T> type) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        MgetResponse<T> response = client.mget(m -> m.index(alias).ids(ids).sourceIncludes(fields), type);
        Map<String, T> found = new LinkedHashMap<>();
        for (var item : response.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        return found;
    }

    public long count() throws IOException {
        return client.count(c -> c.index(alias)).count();
    }

    /** How many articles match {@code query}. */
    public long count(Query query) throws IOException {
        return client.count(c -> c.index(alias).query(query)).count();
    }

    /**
     * A search of the article index built by a feature's request factory: it names the alias, one of the indices
     * behind it ({@code <alias>-v*}), or a point in time opened here.
     */
    public <T> SearchResponse<T> search(SearchRequest request, Class<T> type) throws IOException {
        return client.search(request, type);
    }

    /** A search of the articles behind the alias. */
    public <T> SearchResponse<T> search(
            Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request, Class<T> type) throws IOException {
        return client.search(s -> request.apply(s.index(alias)), type);
    }

    /** Several searches of the article index in one request; each names its index (or the default, the alias). */
    public <T> MsearchResponse<T> msearch(List<RequestItem> searches, Class<T> type) throws IOException {
        return client.msearch(m -> m.index(alias).searches(searches), type);
    }

    /** A point in time on the articles behind the alias (or one index behind it), kept for {@code keepAlive}. */
    public String openPointInTime(String articleIndex, String keepAlive) throws IOException {
        return client.openPointInTime(o -> o.index(articleIndex).keepAlive(k -> k.time(keepAlive))).id();
    }

    public void closePointInTime(String id) throws IOException {
        client.closePointInTime(c -> c.id(id));
    }

    /** How many documents match {@code query} in {@code articleIndices} (the alias, or indices behind it). */
    public long count(String articleIndices, Query query) throws IOException {
        return client.count(c -> c.index(articleIndices).query(query)).count();
    }

    /** Fields to set on one stored article, in the index it was found in. */
    public record FieldsUpdate(String index, String id, Map<String, Object> fields) {}

    /** Sets fields of stored articles by id in one bulk request (partial updates, no script); every item answered. */
    public BulkResponse updateAll(List<FieldsUpdate> updates, Refresh refresh) throws IOException {
        return client.bulk(b -> {
            b.refresh(refresh);
            for (FieldsUpdate update : updates) {
                b.operations(op -> op.update(u -> u.index(update.index()).id(update.id())
                        .action(a -> a.doc(update.fields()))));
            }
            return b;
        });
    }

    /** One stored article as read in real time: only {@code fields}, with the index, sequence number and term. */
    public <T> GetResponse<T> get(String id, List<String> fields, Class<T> type) throws IOException {
        return client.get(g -> g.index(alias).id(id).sourceIncludes(fields), type);
    }

    /** The same for several articles in one request, with each one's failure if any. */
    public <T> MgetResponse<T> getAll(List<String> ids, List<String> fields, Class<T> type) throws IOException {
        return client.mget(m -> m.index(alias).ids(ids).sourceIncludes(fields), type);
    }

    /**
     * Sets fields of one stored article in {@code articleIndex} only if it is still at the version read (else
     * Elasticsearch answers 409), visible to search as {@code refresh} says.
     */
    public void updateIfUnchanged(String articleIndex, String id, Map<String, Object> fields, long seqNo,
            long primaryTerm, Refresh refresh) throws IOException {
        client.update(u -> u.index(articleIndex).id(id).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm).doc(fields)
                .refresh(refresh), Object.class);
    }

    /** Sets fields of one stored article in {@code articleIndex}, retried up to {@code retries} times on conflict. */
    public void update(String articleIndex, String id, Map<String, Object> fields, int retries) throws IOException {
        client.update(u -> u.index(articleIndex).id(id).doc(fields).retryOnConflict(retries), Object.class);
    }

    /**
     * Deletes the articles matching {@code query} from every index an article may live in: the live one, a
     * re-index's target and the ones kept for a roll-back ({@code <alias>-v*}). The number deleted.
     */
    public long deleteEverywhere(Query query) throws IOException {
        return DeleteWhere.run(client, alias + "-v*", query);
    }

    /** Whether {@code articleIndex} (an index behind the alias, or one made for it) exists. */
    public boolean exists(String articleIndex) throws IOException {
        return client.indices().exists(e -> e.index(articleIndex)).value();
    }

    /** Creates {@code articleIndex} from this server's definition, without the alias; false when it exists. */
    public boolean createUnaliased(String articleIndex) throws IOException {
        return definition.createUnaliased(client, articleIndex);
    }

    /** Makes everything written to {@code articleIndex} so far searchable. */
    public void refresh(String articleIndex) throws IOException {
        client.indices().refresh(r -> r.index(articleIndex));
    }

    /** How many documents {@code articleIndex} holds. */
    public long count(String articleIndex) throws IOException {
        return client.count(c -> c.index(articleIndex)).count();
    }

    /** Moves the alias from one index to another in one atomic step, the new one its write index. */
    public void moveAlias(String from, String to) throws IOException {
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(d -> d.index(to).alias(alias).isWriteIndex(true))));
    }
}
