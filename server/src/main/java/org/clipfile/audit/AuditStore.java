package org.clipfile.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit indices: one per month, {@code <alias>-audit-YYYY.MM}, all behind the alias {@code <alias>-audit}.
 * Monthly indices because the bare Elasticsearch distribution has neither ILM nor {@code _delete_by_query}: old
 * events go by deleting whole indices, which is also the cheapest way on any cluster. Events are only ever written
 * with {@code create} and generated ids; nothing here updates or deletes a single event.
 */
@Component
class AuditStore {
    private static final Logger log = LoggerFactory.getLogger(AuditStore.class);
    static final IndexDefinition AUDIT = IndexDefinition.fromClasspath("mappings/audit.json");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    record Page(long total, List<AuditEvent> events) {}

    /** What to look for: every part optional. */
    record Filter(@Nullable String user, @Nullable String action, @Nullable Instant from, @Nullable Instant to) {}

    private final ElasticsearchClient client;
    private final String alias;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    AuditStore(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.alias = index.alias() + "-audit";
    }

    String alias() {
        return alias;
    }

    String pattern() {
        return alias + "-*";
    }

    String indexFor(Instant at) {
        return alias + "-" + MONTH.format(at.atOffset(ZoneOffset.UTC));
    }

    /** Creates a month's index (with the alias on it) the first time this instance writes into that month. */
    void ensureMonth(String index) throws IOException {
        if (created.contains(index)) {
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try {
                client.indices().create(c -> c.index(index).withJson(new StringReader(AUDIT.json()))
                        .aliases(alias, a -> a));
                log.info("Created audit index {}", index);
            } catch (ElasticsearchException e) {
                if (e.error() == null || !"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        created.add(index);
    }

    /**
     * Writes events with {@code create} and ids chosen by Elasticsearch. Returns the events Elasticsearch refused
     * for a reason worth trying again (overloaded); others are logged and given up.
     */
    /** What a write left: events to send again (Elasticsearch busy) and how many it refused for good. */
    record Written(List<AuditEvent> retry, int refused) {}

    Written write(List<AuditEvent> events) throws IOException {
        for (AuditEvent event : events) {
            ensureMonth(indexFor(event.at()));
        }
        BulkResponse response = client.bulk(b -> {
            for (AuditEvent event : events) {
                b.operations(op -> op.create(c -> c.index(indexFor(event.at())).document(event)));
            }
            return b;
        });
        List<AuditEvent> retry = new ArrayList<>();
        int refused = 0;
        if (response.errors()) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() == 429 || item.status() == 503) {
                    retry.add(events.get(i));
                } else {
                    refused++;
                    log.error("Elasticsearch refused an audit event ({}): {}", events.get(i).action(),
                            item.error().reason());
                }
            }
        }
        return new Written(retry, refused);
    }

    Page search(Filter filter, int from, int size) throws IOException {
        var response = client.search(s -> s.index(pattern()).ignoreUnavailable(true).allowNoIndices(true)
                        .query(query(filter)).from(from).size(size).trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
                AuditEvent.class);
        return new Page(response.hits().total() == null ? 0 : response.hits().total().value(),
                response.hits().hits().stream().map(Hit::source).toList());
    }

    /** Every matching event, newest first, in pages over a point in time: flat memory, no 10,000 cap. */
    long export(Filter filter, Consumer<AuditEvent> sink) throws IOException {
        var indices = client.indices().get(g -> g.index(pattern()).allowNoIndices(true).ignoreUnavailable(true));
        if (indices.indices().isEmpty()) {
            return 0;
        }
        String pit = client.openPointInTime(p -> p.index(pattern()).keepAlive(k -> k.time("2m"))
                .ignoreUnavailable(true)).id();
        long count = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> searchAfter = after;
                var response = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).query(query(filter)).size(1000)
                            .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Desc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, AuditEvent.class);
                List<Hit<AuditEvent>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return count;
                }
                for (Hit<AuditEvent> hit : hits) {
                    sink.accept(hit.source());
                    count++;
                }
                after = hits.getLast().sort();
            }
        } finally {
            client.closePointInTime(c -> c.id(pit));
        }
    }

    private static Query query(Filter filter) {
        return Query.of(q -> q.bool(b -> {
            if (filter.user() != null) {
                b.filter(f -> f.term(t -> t.field("user").value(filter.user())));
            }
            if (filter.action() != null) {
                b.filter(f -> f.term(t -> t.field("action").value(filter.action())));
            }
            if (filter.from() != null || filter.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("at");
                    if (filter.from() != null) {
                        d.gte(filter.from().toString());
                    }
                    if (filter.to() != null) {
                        d.lt(filter.to().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    /**
     * Deletes the monthly indices whose whole month lies further back than the retention. Returns their names.
     */
    List<String> dropExpired(Instant now, java.time.Duration retention) throws IOException {
        var indices = client.indices().get(g -> g.index(pattern()).allowNoIndices(true).ignoreUnavailable(true));
        List<String> dropped = new ArrayList<>();
        for (String index : indices.indices().keySet()) {
            YearMonth month = monthOf(index);
            if (month == null) {
                continue;
            }
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (monthEnd.isBefore(now.minus(retention))) {
                client.indices().delete(d -> d.index(index));
                created.remove(index);
                dropped.add(index);
                log.info("Dropped audit index {}: its events are older than the retention ({})", index, retention);
            }
        }
        return dropped;
    }

    @Nullable YearMonth monthOf(String index) {
        String suffix = index.substring(Math.min(index.length(), alias.length() + 1));
        try {
            return YearMonth.parse(suffix, MONTH);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
