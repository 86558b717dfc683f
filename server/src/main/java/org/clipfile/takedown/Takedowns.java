package org.clipfile.takedown;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleIds;
import org.clipfile.copies.CopyClusters;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.clipfile.versions.ArticleVersions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes articles down and keeps them down. The entry goes on the list ({@code <alias>-takedowns}) before anything is
 * deleted, so an import running meanwhile is already refused; then the article is deleted by id from every index
 * behind the alias and every older one kept for a roll-back ({@code <alias>-v*}), because a re-index keeps the
 * previous index. The minimal Elasticsearch has no {@code _delete_by_query}: a source's articles are found page by
 * page and deleted by id in bulk.
 */
@Component
public class Takedowns implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(Takedowns.class);

    private final ArticleIndex index;
    private final CopyClusters copies;
    private final ArticleVersions versions;
    private final SystemIndex<Takedown> list;
    private final Clock clock = Clock.systemUTC();

    public Takedowns(ArticleIndex index, CopyClusters copies, ArticleVersions versions, SystemIndices indices) {
        this.versions = versions;
        this.index = index;
        this.copies = copies;
        this.list = indices.define("takedowns", "takedowns.json", Takedown.class);
    }

    @Override
    public void indexReady(ArticleIndex ready) throws IOException {
        ensureList();
    }

    /** Before the first write: an entry must never land in an index Elasticsearch made up with a guessed mapping. */
    private void ensureList() throws IOException {
        list.ensureExistsOnce();
    }

    public String listAlias() {
        return list.alias();
    }

    /** Removes one article and lists it; empty when there is no such article. */
    public Optional<Takedown> takeDownArticle(String id, String reason, String by) throws IOException {
        Optional<Article> found = index.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        Takedown entry = new Takedown(article.id(), Takedown.ARTICLE, article.id(), article.url(),
                article.url() == null || article.url().isBlank() ? null : ArticleIds.canonicalUrl(article.url()),
                article.contentHash(), article.source(), article.title(), reason, by, clock.instant(), 0);
        save(entry);
        long removed = index.deleteEverywhere(Query.of(q -> q.ids(i -> i.values(article.id()))));
        // Its earlier texts too: a legal request covers every version of the page.
        removed += versions.deleteWhere(Query.of(q -> q.term(t -> t.field("article_id")
                .value(FieldValue.of(article.id())))));
        copies.forget(article.id());
        Takedown done = entry.withRemoved(removed);
        save(done);
        log.info("Article {} taken down by {}: {} documents removed", id, by, removed);
        return Optional.of(done);
    }

    /** Removes every article of a source and lists the source, so its articles are refused from now on. */
    public Takedown takeDownSource(String source, String reason, String by) throws IOException {
        Takedown entry = new Takedown(sourceEntryId(source), Takedown.SOURCE, null, null, null, null, source, null,
                reason, by, clock.instant(), 0);
        save(entry);
        Query ofSource = Query.of(q -> q.term(t -> t.field("source").value(FieldValue.of(source))));
        long removed = index.deleteEverywhere(ofSource) + versions.deleteWhere(ofSource);
        Takedown done = entry.withRemoved(removed);
        save(done);
        log.info("Source {} taken down by {}: {} documents removed", source, by, removed);
        return done;
    }

    static String sourceEntryId(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("source:" + source)
                    .getBytes(StandardCharsets.UTF_8));
            return "source-" + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Lifts a takedown: the article or source may be imported again. False when there was no such entry. */
    public boolean lift(String id) throws IOException {
        if (!ArticleIndex.possibleId(id)) {
            return false;
        }
        if (list.delete(id, Refresh.WaitFor)) { // false too when there is no list yet
            log.info("Takedown {} lifted", id);
            return true;
        }
        return false;
    }

    /** The list, newest first, and its total. */
    public record Page(long total, List<Takedown> takedowns) {}

    public Page list(int page, int size) throws IOException {
        SearchResponse<Takedown> response = list.search(s -> s.ignoreUnavailable(true)
                .from((page - 1) * size).size(size)
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))), Takedown.class);
        long total = response.hits().total() == null ? -1 : response.hits().total().value();
        return new Page(total, response.hits().hits().stream().map(Hit::source).toList());
    }

    /** Why an article is refused, and the entry that refuses it. */
    public record Refusal(String takedown, String detail) {}

    /** For the articles of a batch that are on the list, by article id, why they are refused. One search. */
    public Map<String, Refusal> refusals(List<Article> articles) throws IOException {
        if (articles.isEmpty()) {
            return Map.of();
        }
        // An article posted while the server starts waits for the list (its primary shard) rather than failing.
        ensureList();
        List<FieldValue> ids = new ArrayList<>();
        List<FieldValue> hashes = new ArrayList<>();
        List<FieldValue> urls = new ArrayList<>();
        List<FieldValue> sources = new ArrayList<>();
        for (Article a : articles) {
            ids.add(FieldValue.of(a.id()));
            hashes.add(FieldValue.of(a.contentHash()));
            if (a.url() != null && !a.url().isBlank()) {
                urls.add(FieldValue.of(ArticleIds.canonicalUrl(a.url())));
            }
            if (a.source() != null) {
                sources.add(FieldValue.of(a.source()));
            }
        }
        SearchResponse<Takedown> response;
        try {
            response = list.search(s -> s.ignoreUnavailable(true)
                    .size(Math.min(10_000, articles.size() * 3 + 10))
                    .query(q -> q.bool(b -> {
                        b.should(x -> x.terms(t -> t.field("article_id").terms(v -> v.value(ids))));
                        b.should(x -> x.terms(t -> t.field("content_hash").terms(v -> v.value(hashes))));
                        if (!urls.isEmpty()) {
                            b.should(x -> x.terms(t -> t.field("canonical_url").terms(v -> v.value(urls))));
                        }
                        if (!sources.isEmpty()) {
                            b.should(x -> x.bool(k -> k
                                    .filter(f -> f.term(t -> t.field("kind").value(Takedown.SOURCE)))
                                    .filter(f -> f.terms(t -> t.field("source").terms(v -> v.value(sources))))));
                        }
                        return b.minimumShouldMatch("1");
                    })), Takedown.class);
        } catch (ElasticsearchException e) {
            if (SystemIndex.isMissingIndex(e)) {
                return Map.of(); // nothing was ever taken down on this archive
            }
            throw e;
        }
        List<Takedown> entries = response.hits().hits().stream().map(Hit::source).toList();
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<String, Refusal> refused = new LinkedHashMap<>();
        for (Article a : articles) {
            String canonical = a.url() == null || a.url().isBlank() ? null : ArticleIds.canonicalUrl(a.url());
            for (Takedown t : entries) {
                String why = matches(t, a, canonical);
                if (why != null) {
                    refused.put(a.id(), new Refusal(t.id(), "This article was taken down on " + t.at() + " (takedown "
                            + t.id() + "): " + why + "; an administrator can lift it with DELETE /api/takedowns/"
                            + t.id()));
                    break;
                }
            }
        }
        return refused;
    }

    private static @Nullable String matches(Takedown t, Article a, @Nullable String canonical) {
        if (Takedown.SOURCE.equals(t.kind())) {
            return t.source() != null && t.source().equals(a.source()) ? "every article of the source '" + t.source()
                    + "' was taken down" : null;
        }
        if (a.id().equals(t.articleId())) {
            return "same article id";
        }
        if (canonical != null && canonical.equals(t.canonicalUrl())) {
            return "same URL";
        }
        if (a.contentHash().equals(t.contentHash())) {
            return "same title and text";
        }
        return null;
    }

    private void save(Takedown entry) throws IOException {
        ensureList();
        list.index(entry.id(), entry, Refresh.WaitFor);
    }
}
