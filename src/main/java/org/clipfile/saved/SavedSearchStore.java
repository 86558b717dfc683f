package org.clipfile.saved;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Saved searches in Elasticsearch ({@code <alias>-saved-searches}), so that every instance serves and checks them. */
@Component
class SavedSearchStore {
    private static final IndexDefinition SEARCHES = IndexDefinition.fromClasspath("mappings/saved-searches.json");
    private static final IndexDefinition RUNS = IndexDefinition.fromClasspath("mappings/saved-search-runs.json");

    /** A stored saved search with the version that a conditional write must match. */
    record Versioned(SavedSearch search, long seqNo, long primaryTerm) {}

    /** New matches found for one saved search in one window. */
    record Matches(Versioned saved, long count, Instant checkedAt) {}

    private final ElasticsearchClient client;
    private final String alias;
    private final String runsAlias;

    SavedSearchStore(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias() + "-saved-searches";
        this.runsAlias = index.alias() + "-saved-search-runs";
    }

    ElasticsearchClient client() {
        return client;
    }

    String runsAlias() {
        return runsAlias;
    }

    void ensureExists() throws IOException {
        SEARCHES.ensureExists(client, alias);
        RUNS.ensureExists(client, runsAlias);
    }

    void save(SavedSearch search) throws IOException {
        client.index(i -> i.index(alias).id(search.id()).document(search).refresh(Refresh.WaitFor));
    }

    /** Writes only if nobody changed the search since it was read; false when somebody did. */
    boolean saveIfUnchanged(Versioned read, SavedSearch changed) throws IOException {
        try {
            client.index(i -> i.index(alias).id(changed.id()).document(changed).ifSeqNo(read.seqNo())
                    .ifPrimaryTerm(read.primaryTerm()).refresh(Refresh.WaitFor));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    Optional<Versioned> find(String id) throws IOException {
        if (!plausibleId(id)) {
            return Optional.empty();
        }
        GetResponse<SavedSearch> response = client.get(g -> g.index(alias).id(id), SavedSearch.class);
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(response.source(), response.seqNo(), response.primaryTerm()));
    }

    /** Ids are made here (UUIDs): anything else names no saved search, and never reaches Elasticsearch. */
    static boolean plausibleId(String id) {
        return id.matches("[A-Za-z0-9_-]{1,64}");
    }

    boolean delete(String id) throws IOException {
        try {
            return client.delete(d -> d.index(alias).id(id).refresh(Refresh.WaitFor)).result()
                    == co.elastic.clients.elasticsearch._types.Result.Deleted;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The saved searches of one owner (all owners when null), by name. */
    List<SavedSearch> list(@Nullable String owner, int size) throws IOException {
        return client.search(s -> s.index(alias).size(size)
                        .query(q -> owner == null ? q.matchAll(m -> m) : q.term(t -> t.field("owner").value(owner)))
                        .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                SavedSearch.class).hits().hits().stream().map(Hit::source).toList();
    }

    long countOwned(String owner) throws IOException {
        return client.count(c -> c.index(alias).query(q -> q.term(t -> t.field("owner").value(owner)))).count();
    }

    /** One page of every saved search in id order, with versions, for the matcher; empty at the end. */
    List<Versioned> page(@Nullable String afterId, int size) throws IOException {
        SearchResponse<SavedSearch> response = client.search(s -> {
            s.index(alias).size(size).seqNoPrimaryTerm(true)
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
            if (afterId != null) {
                s.searchAfter(FieldValue.of(afterId));
            }
            return s;
        }, SavedSearch.class);
        List<Versioned> page = new ArrayList<>();
        for (Hit<SavedSearch> hit : response.hits().hits()) {
            if (hit.source() != null && hit.seqNo() != null && hit.primaryTerm() != null) {
                page.add(new Versioned(hit.source(), hit.seqNo(), hit.primaryTerm()));
            }
        }
        return page;
    }

    /**
     * Adds new matches to the saved searches' counts, each written only if the search is unchanged since it was
     * read (its owner may have just looked and reset the count). Returns those that changed meanwhile.
     */
    List<Matches> addMatches(List<Matches> matches) throws IOException {
        if (matches.isEmpty()) {
            return List.of();
        }
        var response = client.bulk(b -> {
            b.index(alias);
            for (Matches m : matches) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("new_count", m.saved().search().newCount() + m.count());
                doc.put("last_match_at", m.checkedAt().toString());
                doc.put("last_checked_at", m.checkedAt().toString());
                b.operations(op -> op.update(u -> u.id(m.saved().search().id()).ifSeqNo(m.saved().seqNo())
                        .ifPrimaryTerm(m.saved().primaryTerm()).action(a -> a.doc(doc))));
            }
            return b;
        });
        List<Matches> conflicts = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 409) {
                conflicts.add(matches.get(i));
            } else if (item.status() != 404) { // deleted meanwhile: nothing to count
                throw new IOException("Elasticsearch refused a saved search update: " + item.error().reason());
            }
        }
        return conflicts;
    }

    void refresh() throws IOException {
        client.indices().refresh(r -> r.index(alias));
    }

    /** Partial updates of one saved search by two threads (the owner looking, a webhook delivery) both land. */
    private static final int RETRIES_ON_CONFLICT = 5;

    void resetSeen(String id, Instant now) throws IOException {
        // A webhook delivery may record its status on the same document at the same moment: retried, not a 409.
        client.update(u -> u.index(alias).id(id).doc(Map.of("new_count", 0, "seen_at", now.toString()))
                .retryOnConflict(RETRIES_ON_CONFLICT).refresh(Refresh.WaitFor), Object.class);
    }

    /** Records how a webhook delivery went (only the status fields; the definition is left as it is). */
    void webhookStatus(String id, Map<String, @Nullable Object> status) throws IOException {
        try {
            client.update(u -> u.index(alias).id(id).doc(Map.of("webhook", status))
                    .retryOnConflict(RETRIES_ON_CONFLICT), Object.class);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }
}
