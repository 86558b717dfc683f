package org.clipfile.saved;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
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
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndex.Version;
import org.clipfile.sysindex.SystemIndices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Saved searches in Elasticsearch ({@code <alias>-saved-searches}), so that every instance serves and checks them. */
@Component
class SavedSearchStore {

    /** A stored saved search with the version that a conditional write must match. */
    record Versioned(SavedSearch search, long seqNo, long primaryTerm) {}

    /** New matches found for one saved search in one window. */
    record Matches(Versioned saved, long count, Instant checkedAt) {}

    private final SystemIndex<SavedSearch> searches;
    /** The matcher's state: one document, {@link AlertMatcher#STATE_ID}, the lease and window of its runs. */
    private final SystemIndex<AlertMatcher.State> runs;

    SavedSearchStore(SystemIndices indices) {
        this.searches = indices.define("saved-searches", "saved-searches.json", SavedSearch.class);
        this.runs = indices.define("saved-search-runs", "saved-search-runs.json", AlertMatcher.State.class);
    }

    void ensureExists() throws IOException {
        searches.ensureExists();
        runs.ensureExists();
    }

    void save(SavedSearch search) throws IOException {
        searches.index(search.id(), search, Refresh.WaitFor);
    }

    /** Writes only if nobody changed the search since it was read; false when somebody did. */
    boolean saveIfUnchanged(Versioned read, SavedSearch changed) throws IOException {
        return searches.indexIfUnchanged(changed.id(), changed, new Version(read.seqNo(), read.primaryTerm()),
                Refresh.WaitFor).isPresent();
    }

    Optional<Versioned> find(String id) throws IOException {
        if (!plausibleId(id)) {
            return Optional.empty();
        }
        return searches.getVersioned(id).map(v -> new Versioned(v.document(), v.version().seqNo(),
                v.version().primaryTerm()));
    }

    /** Ids are made here (UUIDs): anything else names no saved search, and never reaches Elasticsearch. */
    static boolean plausibleId(String id) {
        return id.matches("[A-Za-z0-9_-]{1,64}");
    }

    boolean delete(String id) throws IOException {
        return searches.delete(id, Refresh.WaitFor);
    }

    /** The saved searches of one owner (all owners when null), by name. */
    List<SavedSearch> list(@Nullable String owner, int size) throws IOException {
        return searches.find(s -> s.size(size)
                .query(q -> owner == null ? q.matchAll(m -> m) : q.term(t -> t.field("owner").value(owner)))
                .sort(o -> o.field(f -> f.field("name").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    long countOwned(String owner) throws IOException {
        return searches.count(q -> q.term(t -> t.field("owner").value(owner)));
    }

    /** One page of every saved search in id order, with versions, for the matcher; empty at the end. */
    List<Versioned> page(@Nullable String afterId, int size) throws IOException {
        SearchResponse<SavedSearch> response = searches.search(s -> {
            s.size(size).seqNoPrimaryTerm(true)
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
        var response = searches.bulk(Refresh.False, b -> {
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
        searches.refresh();
    }

    void resetSeen(String id, Instant now) throws IOException {
        // A webhook delivery may record its status on the same document at the same moment: retried, not a 409.
        searches.update(id, Map.of("new_count", 0, "seen_at", now.toString()), Refresh.WaitFor);
    }

    /** Records how a webhook delivery went (only the status fields; the definition is left as it is). */
    void webhookStatus(String id, Map<String, @Nullable Object> status) throws IOException {
        try {
            searches.update(id, Map.of("webhook", status), Refresh.False);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** The matcher's state and the version a claim must match; empty before its first run. */
    Optional<SystemIndex.Versioned<AlertMatcher.State>> matcherState() throws IOException {
        return runs.getVersioned(AlertMatcher.STATE_ID);
    }

    /**
     * Writes the matcher's state if nobody wrote it since {@code read} (or, with no {@code read}, if nobody wrote it
     * at all); false when another instance did first.
     */
    boolean claimMatcherState(SystemIndex.@Nullable Versioned<AlertMatcher.State> read, AlertMatcher.State claimed)
            throws IOException {
        return (read == null ? runs.create(AlertMatcher.STATE_ID, claimed, Refresh.False)
                : runs.indexIfUnchanged(AlertMatcher.STATE_ID, claimed, read.version(), Refresh.False)).isPresent();
    }

    /** Writes the matcher's state after a run, visible at once. */
    void saveMatcherState(AlertMatcher.State done) throws IOException {
        runs.index(AlertMatcher.STATE_ID, done, Refresh.WaitFor);
    }
}
