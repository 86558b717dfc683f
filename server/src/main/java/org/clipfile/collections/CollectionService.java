package org.clipfile.collections;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.problem.ApiProblem;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Collections and their articles in Elasticsearch ({@code <alias>-collections}, {@code <alias>-collection-items}),
 * with who may see and change what: a collection is visible to every user unless it is private (then to its owner
 * and admins); anyone who sees it may add, annotate and remove articles; only its owner or an admin renames or
 * deletes it. {@code starred} names the caller's own stars, made on first use.
 */
@Service
public class CollectionService implements IndexReadyListener {
    /** For the article summaries only: collections and items go through their system indices. */
    private final ArticleIndex articles;
    private final CollectionProperties properties;
    private final SystemIndex<Collection> collections;
    private final SystemIndex<CollectionItem> items;

    CollectionService(ArticleIndex articles, SystemIndices indices, CollectionProperties properties) {
        this.articles = articles;
        this.properties = properties;
        this.collections = indices.define("collections", "collections.json", Collection.class);
        this.items = indices.define("collection-items", "collection-items.json", CollectionItem.class);
    }

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        collections.ensureExists();
        items.ensureExists();
    }

    /**
     * The ids of the articles in a collection the caller may see, for the {@code collection=} filter; a 404 problem
     * when there is no such collection or it is someone else's private one.
     */
    public List<String> articleIds(String collectionId, String user, boolean admin) throws IOException {
        Collection collection = visible(collectionId, user, admin, false);
        if (collection == null) {
            return List.of(); // the caller's stars, never used yet
        }
        List<String> ids = new ArrayList<>();
        for (CollectionItem item : items.find(s -> s.size(properties.maxArticles())
                .query(q -> q.term(t -> t.field("collection_id").value(collection.id())))
                .source(src -> src.filter(f -> f.includes("article_id"))))) {
            if (item != null) {
                ids.add(item.articleId());
            }
        }
        return ids;
    }

    Collection create(String name, boolean isPrivate, String owner) throws IOException {
        Instant now = Instant.now();
        Collection collection = new Collection(UUID.randomUUID().toString(), name, owner, isPrivate, "collection",
                now, now);
        collections.index(collection.id(), collection, Refresh.WaitFor);
        return collection;
    }

    /** The collections the caller may see: their own, the desk's shared ones, and for admins all. */
    List<Collection> list(String user, boolean admin) throws IOException {
        return collections.find(s -> s.size(1000)
                .query(q -> admin ? q.matchAll(m -> m) : q.bool(b -> b
                        .should(x -> x.term(t -> t.field("private").value(false)))
                        .should(x -> x.term(t -> t.field("owner").value(user)))
                        .minimumShouldMatch("1")))
                .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc))));
    }

    /** Article counts per collection. */
    Map<String, Long> sizes(List<Collection> listed) throws IOException {
        if (listed.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> ids = listed.stream().map(c -> FieldValue.of(c.id())).toList();
        var response = items.search(s -> s.size(0)
                .query(q -> q.terms(t -> t.field("collection_id").terms(v -> v.value(ids))))
                .aggregations("sizes", a -> a.terms(t -> t.field("collection_id").size(ids.size()))), Void.class);
        Map<String, Long> sizes = new HashMap<>();
        response.aggregations().get("sizes").sterms().buckets().array()
                .forEach(b -> sizes.put(b.key().stringValue(), b.docCount()));
        return sizes;
    }

    /**
     * The collection if the caller may see it; {@code starred} is the caller's own (null when never used, unless
     * {@code create}). A 404 problem otherwise.
     */
    @Nullable Collection visible(String id, String user, boolean admin, boolean create) throws IOException {
        if (id.equals(Collection.STARRED)) {
            String starredId = starredId(user);
            Optional<Collection> found = find(starredId);
            if (found.isPresent() || !create) {
                return found.orElse(null);
            }
            Instant now = Instant.now();
            Collection stars = new Collection(starredId, "Starred", user, true, Collection.STARRED, now, now);
            collections.index(starredId, stars, Refresh.WaitFor);
            return stars;
        }
        return find(id).filter(c -> c.visibleTo(user, admin))
                .orElseThrow(() -> ApiProblem.notFound("No collection " + id + " that you may see"));
    }

    Optional<Collection> find(String id) throws IOException {
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) { // ids are made here: UUIDs and starred-<hash>
            return Optional.empty();
        }
        return collections.get(id);
    }

    Collection update(Collection collection, String name, boolean isPrivate) throws IOException {
        if (collection.kind().equals(Collection.STARRED)) {
            throw ApiProblem.badRequest("Stars cannot be renamed or shared");
        }
        Collection changed = new Collection(collection.id(), name, collection.owner(), isPrivate, collection.kind(),
                collection.createdAt(), Instant.now());
        collections.index(changed.id(), changed, Refresh.WaitFor);
        return changed;
    }

    /** Deletes the collection and its items, by id in bulk (the minimal distribution has no delete-by-query). */
    void delete(Collection collection) throws IOException {
        while (true) {
            List<String> ids = items.search(s -> s.size(1000)
                            .query(q -> q.term(t -> t.field("collection_id").value(collection.id())))
                            .source(src -> src.fetch(false)), Void.class)
                    .hits().hits().stream().map(Hit::id).toList();
            if (ids.isEmpty()) {
                break;
            }
            var response = items.bulk(Refresh.WaitFor, b -> {
                ids.forEach(id -> b.operations(op -> op.delete(d -> d.id(id))));
                return b;
            });
            if (response.errors()) {
                throw new IOException("Elasticsearch refused to delete items of collection " + collection.id());
            }
        }
        collections.delete(collection.id(), Refresh.WaitFor);
    }

    /** Adds an article or changes its note; true when it was added. */
    boolean put(Collection collection, String articleId, @Nullable String note, String user) throws IOException {
        if (articles.find(articleId).isEmpty()) {
            throw ApiProblem.notFound("No article " + articleId);
        }
        String itemId = itemId(collection.id(), articleId);
        Optional<CollectionItem> existing = items.get(itemId);
        Instant now = Instant.now();
        CollectionItem item;
        if (existing.isPresent()) {
            CollectionItem old = existing.get();
            item = new CollectionItem(old.collectionId(), old.articleId(), note, old.addedBy(), old.addedAt(), user,
                    now);
        } else {
            long size = items.count(q -> q.term(t -> t.field("collection_id").value(collection.id())));
            if (size >= properties.maxArticles()) {
                throw ApiProblem.of(HttpStatus.CONFLICT, "collection-full", "Collection full", "A collection holds "
                        + "at most " + properties.maxArticles() + " articles; start another one");
            }
            item = new CollectionItem(collection.id(), articleId, note, user, now, user, now);
        }
        items.index(itemId, item, Refresh.WaitFor);
        return existing.isEmpty();
    }

    boolean remove(Collection collection, String articleId) throws IOException {
        return items.delete(itemId(collection.id(), articleId), Refresh.WaitFor);
    }

    /** One page of a collection's articles, most recently added first, with the total. */
    record Page(long total, List<CollectionItem> items) {}

    Page items(Collection collection, int from, int size) throws IOException {
        var response = items.search(s -> s.from(from).size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(q -> q.term(t -> t.field("collection_id").value(collection.id())))
                        .sort(o -> o.field(f -> f.field("added_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("article_id").order(SortOrder.Asc))),
                CollectionItem.class);
        return new Page(response.hits().total() == null ? 0 : response.hits().total().value(),
                response.hits().hits().stream().map(Hit::source).toList());
    }

    /** Title, date and source of articles, by id; an article deleted since is absent. */
    Map<String, Map<String, Object>> summaries(List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Map<String, Object>> type = (Class<Map<String, Object>>) (Class) Map.class;
        return articles.findAll(ids, List.of("title", "published", "source", "url"), type);
    }

    static String starredId(String user) {
        return "starred-" + sha256(user).substring(0, 24);
    }

    static String itemId(String collectionId, String articleId) {
        return sha256(collectionId + "\n" + articleId).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
