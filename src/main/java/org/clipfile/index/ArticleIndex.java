package org.clipfile.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}
