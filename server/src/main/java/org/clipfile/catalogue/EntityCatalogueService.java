package org.clipfile.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clipfile.entity.Enrichment;
import org.clipfile.enrich.catalogue.EntityCatalogue;
import org.clipfile.enrich.catalogue.EntityLinks;
import org.clipfile.enrich.catalogue.LinkVetoes;
import org.clipfile.index.IndexDefinition;
import org.clipfile.index.IndexProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The archive's entity catalogue and the links it decides, for every part of the server: new articles are counted
 * into it in memory and linked with the links of the last {@link #rebuild}; a rebuild reads the enrichment stored in
 * the articles (nothing is recognised again), decides the links afresh and writes the catalogue in bulk to
 * {@code <alias>-entities} (one document per entity as articles resolved it: names, counts, first and last seen,
 * co-occurring entities, and the link made with its reason). The re-index rebuilds it before copying, so articles
 * already indexed are linked through the same path as a registry edit.
 */
@Component
public class EntityCatalogueService {
    private static final Logger log = LoggerFactory.getLogger(EntityCatalogueService.class);
    private static final IndexDefinition ENTITIES = IndexDefinition.fromClasspath("mappings/entities.json");
    private static final int PAGE = 1000;
    private static final int BULK = 1000;

    private final ElasticsearchClient client;
    private final String catalogueIndex;
    private volatile EntityCatalogue live = new EntityCatalogue();
    private volatile EntityLinks links = EntityLinks.none();
    /** Articles counted in by {@link #link} since the links were last decided. */
    private final java.util.concurrent.atomic.AtomicLong sinceDecided = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean decided;

    public EntityCatalogueService(ElasticsearchClient client, IndexProperties index) {
        this.client = client;
        this.catalogueIndex = index.alias() + "-entities";
    }

    /** The name of the catalogue's index. */
    public String catalogueIndex() {
        return catalogueIndex;
    }

    /** A search of the catalogue: {@code request} sets everything but the index. */
    public <T> SearchResponse<T> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request,
            Class<T> type) throws IOException {
        return client.search(s -> request.apply(s.index(catalogueIndex)), type);
    }

    /** One catalogue document by id (Elasticsearch's error when there is no catalogue yet). */
    public <T> GetResponse<T> get(String id, Class<T> type) throws IOException {
        return client.get(g -> g.index(catalogueIndex).id(id), type);
    }

    public EntityLinks links() {
        return links;
    }

    /**
     * A new article's entities linked across the archive; the article is counted into the catalogue in memory
     * (its links are decided at the next rebuild).
     */
    public Enrichment link(Enrichment enrichment, @Nullable Instant published, String text, List<String> tags) {
        live.add(enrichment, published, tags, text);
        sinceDecided.incrementAndGet();
        return links.apply(enrichment, text, tags);
    }

    /** New articles counted in since the links were last decided (by a rebuild or a load). */
    public long articlesSinceDecided() {
        return sinceDecided.get();
    }

    /** Whether this instance has decided links yet (false from its start until its first load or rebuild). */
    public boolean hasDecided() {
        return decided;
    }

    /**
     * Decides the links from the articles already indexed, without writing the catalogue index: what a server
     * instance does when it starts, so that the articles it ingests are linked as the archive links them (the
     * catalogue index is written by the relinks and re-indexes, one at a time across instances).
     */
    public synchronized EntityLinks load(String index, LinkVetoes vetoes) throws IOException {
        return decide(index, vetoes, false);
    }

    /** An article's tags and section: context for linking. */
    public static List<String> tagsOf(List<String> tags, @Nullable String section) {
        if (section == null || tags.contains(section)) {
            return tags;
        }
        List<String> all = new java.util.ArrayList<>(tags);
        all.add(section);
        return all;
    }

    /** What the scan reads of an article: its stored enrichment and date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(@Nullable Enrichment entities, @Nullable Instant published, @Nullable List<String> tags,
            @Nullable String section, @Nullable String title, @Nullable String body) {}

    /** A document of the catalogue index. */
    record Document(String id, String type, String name, List<String> names, int articles,
            @JsonProperty("first_seen") @Nullable Instant firstSeen,
            @JsonProperty("last_seen") @Nullable Instant lastSeen,
            @JsonProperty("linked_to") @Nullable String linkedTo,
            @JsonProperty("link_reason") @Nullable String linkReason, List<String> candidates, List<String> members,
            List<String> context, @JsonProperty("rebuilt_at") Instant rebuiltAt) {}

    /**
     * Reads every article of {@code index}, decides the links and writes the catalogue; returns the links, which
     * new articles use from now on.
     */
    public EntityLinks rebuild(String index) throws IOException {
        return rebuild(index, LinkVetoes.none());
    }

    /** The same, never linking a pair of entities an editor split apart. */
    public synchronized EntityLinks rebuild(String index, LinkVetoes vetoes) throws IOException {
        return decide(index, vetoes, true);
    }

    private EntityLinks decide(String index, LinkVetoes vetoes, boolean writeIndex) throws IOException {
        long start = System.nanoTime();
        long countedBefore = sinceDecided.get();
        EntityCatalogue catalogue = new EntityCatalogue();
        String pit = client.openPointInTime(o -> o.index(index).keepAlive(k -> k.time("5m"))).id();
        try {
            List<FieldValue> after = List.of();
            while (true) {
                List<FieldValue> position = after;
                String currentPit = pit;
                SearchResponse<Stored> page = client.search(s -> {
                    s.pit(p -> p.id(currentPit).keepAlive(k -> k.time("5m"))).size(PAGE)
                            .source(c -> c.filter(f -> f.includes("entities", "published", "tags", "section", "title", "body")))
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                            .trackTotalHits(t -> t.enabled(false));
                    if (!position.isEmpty()) {
                        s.searchAfter(position);
                    }
                    return s;
                }, Stored.class);
                List<Hit<Stored>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                for (Hit<Stored> hit : hits) {
                    Stored stored = hit.source();
                    if (stored != null && stored.entities() != null) {
                        catalogue.add(stored.entities(), stored.published(),
                                tagsOf(stored.tags() == null ? List.of() : stored.tags(), stored.section()),
                                (stored.title() == null ? "" : stored.title()) + "\n\n"
                                        + (stored.body() == null ? "" : stored.body()));
                    }
                }
                pit = page.pitId() == null ? pit : page.pitId();
                after = hits.getLast().sort();
            }
        } finally {
            String used = pit;
            client.closePointInTime(c -> c.id(used));
        }
        EntityLinks decided = catalogue.decide(vetoes);
        if (writeIndex) {
            write(catalogue, decided);
        }
        live = catalogue;
        links = decided;
        this.decided = true;
        // Articles counted in while the scan ran were (mostly) read by it.
        sinceDecided.addAndGet(-countedBefore);
        log.info("Entity catalogue {} from {} articles of {}: {} entities, {} links, {} short forms resolved by "
                        + "context, in {} ms", writeIndex ? "rebuilt" : "loaded", catalogue.articles(), index,
                catalogue.size(), decided.global().size(), decided.contextual().size(),
                (System.nanoTime() - start) / 1_000_000);
        return decided;
    }

    /** Replaces the catalogue index's documents with this catalogue, in bulk; every item is checked. */
    private void write(EntityCatalogue catalogue, EntityLinks decided) throws IOException {
        try {
            client.indices().delete(d -> d.index(catalogueIndex));
        } catch (ElasticsearchException e) {
            if (!"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
        ENTITIES.createUnaliased(client, catalogueIndex);
        Map<String, List<String>> members = new HashMap<>();
        decided.global().values().forEach(g -> members.computeIfAbsent(g.to(), k -> new java.util.ArrayList<>())
                .add(g.from()));
        Instant now = Instant.now();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int pending = 0;
        int failed = 0;
        for (EntityCatalogue.View entry : catalogue.entries()) {
            EntityLinks.Global global = decided.global().get(entry.id());
            EntityLinks.Contextual contextual = decided.contextual().get(entry.id());
            Document document = new Document(entry.id(), entry.type(), entry.name(), entry.names(), entry.articles(),
                    entry.firstSeen(), entry.lastSeen(), global == null ? null : global.to(),
                    global == null ? null : global.reason(),
                    contextual == null ? List.of() : contextual.candidates(),
                    members.getOrDefault(entry.id(), List.of()), entry.context(), now);
            bulk.operations(o -> o.index(i -> i.index(catalogueIndex).id(entry.id()).document(document)));
            if (++pending == BULK) {
                failed += send(bulk.build());
                bulk = new BulkRequest.Builder();
                pending = 0;
            }
        }
        if (pending > 0) {
            failed += send(bulk.build());
        }
        client.indices().refresh(r -> r.index(catalogueIndex));
        if (failed > 0) {
            log.warn("{} entities of the catalogue could not be written to {}", failed, catalogueIndex);
        }
    }

    private int send(BulkRequest request) throws IOException {
        BulkResponse response = client.bulk(request);
        int failed = 0;
        if (response.errors()) {
            for (var item : response.items()) {
                if (item.error() != null) {
                    failed++;
                    if (failed == 1) {
                        log.warn("Catalogue entity {} not written: {}", item.id(), item.error().reason());
                    }
                }
            }
        }
        return failed;
    }
}
